# preset: docker-host
# What no recording can show (no Docker daemon runs where we record): the
# daemon's answers and the containers' own names, as the lab gives them.
docker ps
docker ps -q
docker inspect -f '{{.State.Pid}}' web
docker inspect -f '{{.NetworkSettings.IPAddress}}' web
docker inspect -f '{{.Name}}' web nope
docker exec web hostname
docker exec web hostname renamed
docker exec web nosuchprogram
docker exec nope ip addr
docker exec 4c01 ip -br addr
nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n ip -br addr
nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n hostname
docker exec web ip netns list
docker run -d nginx
kill $(docker inspect -f '{{.State.Pid}}' web)
docker ps -a
docker exec web ip addr
ip link show type veth
