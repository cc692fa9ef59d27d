# preset: kind-node
# The kind node's own /run/netns and name, and the host's, as the lab gives
# them (the host's /run/netns is empty: kind's pods are the node's).
docker ps
ip netns list
docker exec kind-worker hostname
nsenter -t $(docker inspect -f '{{.State.Pid}}' kind-worker) -n ip netns list
nsenter -t $(docker inspect -f '{{.State.Pid}}' kind-worker) -m -n ip netns list
docker exec kind-worker ip netns pids cni-c5b8b5eb-b4e7-1254-9712-68d51dd52926
docker exec kind-worker ip netns exec cni-f4fd112d-d27d-954c-253c-858ed398084f ip -br addr
docker exec kind-control-plane ip route
