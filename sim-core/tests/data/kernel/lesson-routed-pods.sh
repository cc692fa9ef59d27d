# The commands of content/03-routed-pods.md, in order (routed pods as kindnet and Calico wire them).
ip netns add cni-7f3a
ip netns add cni-c41d
ip link add veth7f3a type veth peer name eth0 netns cni-7f3a
ip link add vethc41d type veth peer name eth0 netns cni-c41d
ip netns list
ip addr add 10.244.3.1/32 dev veth7f3a
ip addr add 10.244.3.1/32 dev vethc41d
ip link set veth7f3a up
ip link set vethc41d up
ip -n cni-7f3a addr add 10.244.3.4/32 dev eth0
ip -n cni-7f3a link set eth0 up
ip -n cni-7f3a link set lo up
ip -n cni-7f3a route add 10.244.3.1 dev eth0
ip -n cni-7f3a route add default via 10.244.3.1
ip -n cni-c41d addr add 10.244.3.9/32 dev eth0
ip -n cni-c41d link set eth0 up
ip -n cni-c41d link set lo up
ip -n cni-c41d route add 10.244.3.1 dev eth0
ip -n cni-c41d route add default via 10.244.3.1
ip netns exec cni-7f3a ping -c 1 -W 1 10.244.3.1
ip route add 10.244.3.4 dev veth7f3a
ip route add 10.244.3.9 dev vethc41d
ip route
ip netns exec cni-7f3a ping -c 1 10.244.3.1
ip netns exec cni-7f3a ping -c 1 -W 1 10.244.3.9
sysctl -w net.ipv4.ip_forward=1
ip netns exec cni-7f3a ping -c 2 10.244.3.9
ip route get 10.244.3.9
ip link | awk '/^[0-9]+:/ {sub(/:/, "", $2);print$2}'
ip address | grep "inet "
ip address | grep -v inet6 | grep -v forever
