# ping on a fresh host: loopback down, unreachable networks, ARP failures, options and usage errors.
ip netns add a
ip netns exec a ping -c 1 127.0.0.1
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip link add va type veth peer name vb netns a
ip addr add 10.0.0.1/24 dev va
ip link set va up
ping -c 1 10.0.0.1
ping -c 1 -W 1 127.0.0.1
ip route get 10.0.0.1
ip link set lo up
ping -c 1 10.0.0.1
ping -c 2 127.0.0.1
ip route get 10.0.0.1
ip route get 127.0.0.1
ping -c 3 -W 1 10.0.0.2
ip neigh show
ip -n a link set vb up
ping -c 4 10.0.0.2
ip neigh
ip -n a addr add 10.0.0.2/24 dev vb
ping -c 2 -q 10.0.0.2
ping -c 2 -s 100 10.0.0.2
ping -c 3 -i 0.2 10.0.0.2
ping -c 1 -I va 10.0.0.2
ping -c 1 -I nosuch 10.0.0.2
ping -c 1 -s 1472 10.0.0.2
ping -c 1 -s 0 10.0.0.2
ip neigh
ip -n a neigh
ip route get 10.0.0.2
ip route get 8.8.8.8
ip route get 10.0.0.255
ip route add default via 10.0.0.2
ip route get 8.8.8.8
ping -c 1 -W 1 8.8.8.8
ip netns exec a sysctl -w net.ipv4.ip_forward=1
ping -c 2 8.8.8.8
ip -n a route get 10.0.0.1
ip -n a route get 10.0.0.2
ip -n a route get 9.9.9.9
ping -c 1 10.0.0.255
