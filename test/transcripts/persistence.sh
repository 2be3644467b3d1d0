# Data in a volume outlives its container; data in the container's layer does not.
exec 2>&1
docker volume create notes
docker run --rm -v notes:/data alpine sh -c 'echo "written in run 1" > /data/note.txt; echo scratch > /tmp/scratch'
docker run --rm -v notes:/data alpine sh -c 'cat /data/note.txt; ls /tmp'
docker volume ls
docker run -d --name holder -v notes:/data alpine sleep 300 >/dev/null
docker volume rm notes 2>&1 | sed 's/\[[0-9a-f]*\]/[ID]/'
docker rm -f holder
docker volume rm notes
docker volume ls -q | wc -l
mkdir -p /home/learner/site && echo "from the host" > /home/learner/site/index.html
docker run --rm -v /home/learner/site:/site alpine cat /site/index.html
docker run --rm -v /home/learner/site:/site:ro alpine sh -c 'echo x > /site/new'
echo "exit=$?"
