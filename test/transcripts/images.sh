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
docker history --format '{{.ID}} {{.CreatedBy}} {{.Size}}' alpine
docker history --no-trunc -H=false alpine
docker history --format json alpine
docker history -q --format 'table {{.ID}}\t{{.Comment}}' alpine
docker run --rm alpine@sha256:bfe1b1f8826ea96167397e9f3b80b9ce778c6c4b99d7622c16f957b215557460 echo by digest
docker run --name user alpine true
docker rmi alpine:3.20 alpine 2>&1 | sed 's/container [0-9a-f]* is/container ID is/'
docker rm user
docker rmi alpine:3.20 alpine | sed 's/sha256:[0-9a-f]*/sha256:ID/'
docker pull nosuch/image
echo "exit=$?"
docker pull alpine:9.99
echo "exit=$?"
