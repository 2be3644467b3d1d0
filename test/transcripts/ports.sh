# A published port reaches a server in the container; a second bind is refused.
exec 2>&1
docker run -d --name web -p 8080:80 alpine sh -c 'while :; do printf "HTTP/1.0 200 OK\r\n\r\nhello from the container\n" | nc -l -p 80; done' >/dev/null
sleep 0.2
wget -qO- http://localhost:8080/
docker port web
docker ps --format '{{.Names}} {{.Ports}}'
docker run -d --name web2 -p 8080:80 alpine true 2>&1 | sed 's/endpoint [a-z0-9_]* ([0-9a-f]*)/endpoint NAME (ID)/'
docker network create shop
docker run -d --name db --network shop alpine sh -c 'while :; do printf "HTTP/1.0 200 OK\r\n\r\ndb says hi\n" | nc -l -p 80; done' >/dev/null
docker run --rm --network shop alpine wget -qO- http://db/
docker run --rm alpine cat /etc/hosts | tail -1 | cut -f1
docker rm -f web web2 db >/dev/null
docker network rm shop
docker network create app >/dev/null
docker run -d --name store --network app --network-alias database alpine sleep 100 >/dev/null
docker run --rm --network app alpine sh -c 'ping -c1 -W1 database >/dev/null && echo alias resolves'
docker run -d --name old alpine sleep 100 >/dev/null
docker run --rm --link old:legacy alpine sh -c 'ping -c1 -W1 legacy >/dev/null && echo link resolves'
docker run --rm --network-alias x alpine true
echo "exit=$?"
docker rm -f store old >/dev/null
docker network rm app
