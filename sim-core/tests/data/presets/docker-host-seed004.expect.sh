# preset: docker-host
# Seed 004's part 3 as written, on the Docker host (no daemon runs where we
# record: the daemon's side is the lab's).
ip addr show docker0
docker run -d --name test nginx
docker ps
ip link show type veth
bridge link show
docker exec test ip addr
docker exec test ip route
docker exec test ping -c 1 172.17.0.2
docker run -d --name test nginx
docker rm test
docker stop test
docker ps -a
docker rm test
docker rm -f web
docker ps -a
ip link show type veth
docker run -d alpine
docker run --name x nginx
