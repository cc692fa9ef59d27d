# content/09-troubleshooting.md: its setup, then its commands (each step's shown ones, then its solution), in order.
ip link add cni0 type bridge
ip addr add 10.244.0.1/24 dev cni0
ip netns add pod-a
ip link add veth-a type veth peer name eth0 netns pod-a
ip link set veth-a master cni0
ip -n pod-a addr add 10.244.0.2/24 dev eth0
ip -n pod-a link set eth0 up
ip -n pod-a link set lo up
ip -n pod-a route add default via 10.244.0.1
ip netns add pod-b
ip link add veth-b type veth peer name eth0 netns pod-b
ip link set veth-b master cni0
ip link set veth-b up
ip -n pod-b link set eth0 up
ip -n pod-b link set lo up
ip netns add pod-c
ip link add veth-c type veth peer name eth0 netns pod-c
ip link set veth-c master cni0
ip link set veth-c up
ip -n pod-c addr add 10.244.0.4/24 dev eth0
ip -n pod-c link set eth0 up
ip -n pod-c link set lo up
ip netns add pod-d
ip link add veth-d type veth peer name eth0 netns pod-d
ip link set veth-d master cni0
ip link set veth-d up
ip -n pod-d addr add 10.244.0.5/24 dev eth0
ip -n pod-d link set eth0 up
ip -n pod-d route add default via 10.244.0.1
ip netns add pod-e
ip link add veth-e type veth peer name eth0 netns pod-e
ip link set veth-e up
ip -n pod-e addr add 10.244.0.6/24 dev eth0
ip -n pod-e link set eth0 up
ip -n pod-e link set lo up
ip -n pod-e route add default via 10.244.0.1
ip netns add world
ip link add uplink type veth peer name eth0 netns world
ip addr add 192.168.50.1/24 dev uplink
ip link set uplink up
ip -n world addr add 192.168.50.2/24 dev eth0
ip -n world link set eth0 up
sysctl -w net.ipv4.ip_forward=1
ip netns exec pod-d ping -c 1 -W 1 10.244.0.1
ip -br link show cni0
ip link set cni0 up
ip netns exec pod-a ping -c 1 -W 1 10.244.0.1
ip -n pod-a link show eth0
ip link show veth-a
ip link set veth-a up
ip netns exec pod-a ping -c 1 -W 2 10.244.0.1
ip netns exec pod-b ping -c 1 -W 1 10.244.0.1
ip -n pod-b addr show eth0
ip -n pod-b addr add 10.244.0.3/24 dev eth0
ip netns exec pod-c ping -c 1 -W 1 192.168.50.1
ip -n pod-c route
ip -n pod-c route add default via 10.244.0.1
ip netns exec pod-d ping -c 1 -W 1 127.0.0.1
ip -n pod-d link show lo
ip -n pod-d link set lo up
ip netns exec pod-a ping -c 1 -W 1 192.168.50.2
ip -n world route
iptables -t nat -L POSTROUTING -n
iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o cni0 -j MASQUERADE
ip netns exec pod-e ping -c 1 -W 1 10.244.0.1
ip link show veth-e
bridge link
ip link set veth-e master cni0
ip netns exec pod-e ping -c 1 -W 2 10.244.0.1
# Looking around.
ip netns exec pod-e ping -c 1 10.244.0.2
ip netns exec pod-b ping -c 1 10.244.0.6
ip netns exec pod-c ping -c 1 192.168.50.2
