# The commands of content/02-bridge-and-nat.md, in order, then a few looks around.
ip link add cni0 type bridge
ip link set cni0 up
ip addr add 10.244.0.1/24 dev cni0
ip -br link show cni0
ip netns add pod-a
ip link add veth-a type veth peer name eth0 netns pod-a
ip link set veth-a master cni0
ip link set veth-a up
ip -n pod-a addr add 10.244.0.2/24 dev eth0
ip -n pod-a link set eth0 up
ip -n pod-a link set lo up
ip netns add pod-b
ip link add veth-b type veth peer name eth0 netns pod-b
ip link set veth-b master cni0
ip link set veth-b up
ip -n pod-b addr add 10.244.0.3/24 dev eth0
ip -n pod-b link set eth0 up
ip -n pod-b link set lo up
ip netns exec pod-a ping -c 2 10.244.0.3
bridge link show
bridge fdb show br cni0 | grep -v permanent
ip -n pod-a route add default via 10.244.0.1
ip -n pod-b route add default via 10.244.0.1
ip -n pod-a route
ip netns add world
ip link add uplink type veth peer name eth0 netns world
ip addr add 192.168.50.1/24 dev uplink
ip link set uplink up
ip -n world addr add 192.168.50.2/24 dev eth0
ip -n world link set eth0 up
ip netns exec pod-a ping -c 1 -W 1 192.168.50.2
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
ip netns exec pod-a ping -c 1 -W 1 192.168.50.2
iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE
ip netns exec pod-a ping -c 2 192.168.50.2
iptables -t nat -L POSTROUTING -n -v
ip netns exec pod-a ping -c 1 10.244.0.1
ip -n world neigh
ip -n pod-a link show eth0
iptables -t nat -S POSTROUTING
iptables -t nat -D POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE
ip netns exec pod-a ping -c 1 -W 1 192.168.50.2
