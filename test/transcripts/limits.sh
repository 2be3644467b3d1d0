# Limits: an OOM kill is 137 for that container only; a restart policy brings a crash back.
exec 2>&1
docker run -d --name calm alpine sleep 300 >/dev/null
docker run --name hog -m 8m alpine sh -c 'x=a; while :; do x="$x$x"; done'
echo "exit=$?"
docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' hog
docker inspect -f '{{.State.Status}}' calm
docker run -d --name flaky --restart on-failure:2 alpine sh -c 'echo started; exit 1' >/dev/null
sleep 1.5
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' flaky
docker logs flaky
docker run --rm --pids-limit 10 alpine sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 5 & done' 2>&1 | head -1
docker rm -f calm hog flaky >/dev/null
