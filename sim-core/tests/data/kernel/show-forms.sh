# Display forms of ip/bridge on a small world: options, prefixes, filters.
ip netns add red
ip link add veth0 type veth peer name veth1
ip link add br0 type bridge
ip link set veth1 netns red
ip link set veth0 master br0
ip link set br0 up
ip link set veth0 up
ip -n red link set veth1 up
ip -n red link set lo up
ip addr add 10.0.0.1/24 dev br0
ip addr add 10.0.0.5/24 dev br0
ip addr add 10.0.1.1/24 brd + dev br0
ip -n red addr add 10.0.0.2/24 dev veth1
ip -n red route add default via 10.0.0.1
ip route add 10.5.0.0/16 via 10.0.0.2 metric 100
ip route add 10.6.0.0/16 dev br0 src 10.0.0.1
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev br0
ip a
ip l
ip r
ip n
ip -o link
ip -o addr
ip -o -4 addr show dev br0
ip -br addr
ip -br -c addr
ip -c link show br0
ip -c addr show br0
ip -d link show lo
ip -s link show lo
ip -j neigh
ip -j -p neigh
ip -j netns
ip -j addr show br0
ip -j -p link show lo
ip link show up
ip link show type bridge
ip addr show dev br0
ip route show dev br0
ip -4 route
ip r s
ip l s lo
ip addr show br0 | grep inet
ip -n red addr
ip -n red -br link
ip -n red route
ip -n red link show veth1
ip -n red -j link show veth1
ip addr del 10.0.0.1/24 dev br0
ip addr show br0
ip route
ip link set br0 down
ip route
ip link set veth0 name veth9
ip link show master br0
ip neigh show dev br0
ip neigh show 10.0.0.9
ip link set br0 up
ip -6 addr
ip -6 route
ip netns exec red ip -br addr
ip link delete br0
ip link show veth9
