# Images: pull, tag, layers shared between images, rmi with and without users.
exec 2>&1
docker pull alpine
docker pull alpine:3.20
docker images
docker pull nginx:alpine >/dev/null
docker image inspect -f '{{index .RootFS.Layers 0}}' alpine
docker image inspect -f '{{index .RootFS.Layers 0}}' nginx:alpine
docker tag alpine learner/alpine:mine
docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'
docker rmi learner/alpine:mine
docker run --name user alpine true
docker rmi alpine:3.20 alpine 2>&1 | sed 's/container [0-9a-f]* is/container ID is/'
docker rm user
docker rmi alpine:3.20 alpine | sed 's/sha256:[0-9a-f]*/sha256:ID/'
docker pull nosuch/image
echo "exit=$?"
docker pull alpine:9.99
echo "exit=$?"
