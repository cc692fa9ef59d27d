# The commands of content/12-ipv6-dual-stack.md, in order (dual-stack pods on a bridge, link-local addresses and DAD, neighbour discovery, a routed IPv6 hop).
ip netns add pod-a
ip netns add pod-b
ip link add cni0 address 02:00:00:00:0c:01 type bridge
ip link add veth-a address 02:00:00:00:0a:01 type veth peer name eth0 address 02:00:00:00:0a:02 netns pod-a
ip link add veth-b address 02:00:00:00:0b:01 type veth peer name eth0 address 02:00:00:00:0b:02 netns pod-b
ip link set veth-a master cni0
ip link set veth-b master cni0
ip link set cni0 up
ip link set veth-a up
ip link set veth-b up
ip -n pod-a link set eth0 up
ip -n pod-b link set eth0 up
ip -n pod-a link set lo up
ip -n pod-b link set lo up
ip -n pod-a -6 addr show dev eth0
sleep 3
ip -n pod-a -6 addr show dev eth0
ip netns exec pod-b ping -6 -c 2 fe80::ff:fe00:a02%eth0
ip -n pod-a addr add 10.244.1.2/24 dev eth0
ip -n pod-a addr add fd00:10:244:1::2/64 dev eth0
ip -n pod-b addr add 10.244.1.3/24 dev eth0
ip -n pod-b addr add fd00:10:244:1::3/64 dev eth0
sleep 3
ip -n pod-a addr show dev eth0
ip -n pod-a -6 route
ip netns exec pod-a ping -c 1 10.244.1.3
ip netns exec pod-a ping -c 1 fd00:10:244:1::3
ip -n pod-a -4 neigh show
ip -n pod-a -6 neigh show fd00:10:244:1::3
ip -n pod-b -6 neigh show fd00:10:244:1::2
ip addr add fd00:10:244:1::1/64 dev cni0
ip -n pod-a -6 route add default via fd00:10:244:1::1
ip netns add ext
ip link add veth-ext address 02:00:00:00:0e:01 type veth peer name eth0 address 02:00:00:00:0e:02 netns ext
ip addr add 2001:db8:e::1/64 dev veth-ext
ip link set veth-ext up
ip -n ext addr add 2001:db8:e::2/64 dev eth0
ip -n ext link set eth0 up
ip -n ext -6 route add fd00:10:244:1::/64 via 2001:db8:e::1
sleep 3
ip netns exec pod-a ping -6 -c 1 -W 1 2001:db8:e::2
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec pod-a ping -6 -c 2 2001:db8:e::2
ip -6 route get 2001:db8:e::2
