# The container lifecycle: run, ps, logs, stop, start, rm, and Docker's errors.
exec 2>&1
docker run --name hello alpine echo "hello, world"
echo "exit=$?"
docker ps -a --format '{{.Names}} {{.Image}} {{.Command}} {{.State}}'
docker run -d --name sleeper alpine sleep 300 >/dev/null
docker ps --format 'table {{.Names}}\t{{.Status}}'
docker exec sleeper sh -c 'echo inside $(hostname | wc -c) chars; id'
docker logs hello
docker rm sleeper
echo "exit=$?"
docker stop -t 1 sleeper
docker ps -a --filter status=exited --format '{{.Names}}: {{.Status}}' | sed 's/(137) .*/(137)/; s/(0) .*/(0)/'
docker start sleeper
docker inspect -f '{{.State.Status}} {{.RestartCount}}' sleeper
docker rm -f sleeper hello
docker ps -aq | wc -l
docker rm sleeper
echo "exit=$?"
docker run --name dup alpine true
docker run --name dup alpine true
echo "exit=$?"
docker run alpine nosuchcommand
echo "exit=$?"
docker run --rm alpine sh -c 'exit 42'
echo "exit=$?"
docker run --nope alpine
echo "exit=$?"
docker run
echo "exit=$?"
docker run nosuchimage
echo "exit=$?"
docker frobnicate
echo "exit=$?"
docker run Alpine
echo "exit=$?"
docker run -p abc alpine
echo "exit=$?"
docker run -m 1k alpine true
echo "exit=$?"
docker ps -aq | wc -l
