# random-scenario.py 2 300: generated; recorded on a real kernel
ip link set v0 down
ip addr del 10.2.2.8/24 dev br0
ip -n blue link del lo
ip link add v0 type veth peer name v0 netns green
ip -n red link show v3
ip link add br1 type veth peer name br0 netns green
ip link set lo down
ip -n blue -4 addr
ip link
ip link set br1 mtu 67
ip -n red link set v3 nomaster
ip -n blue -d link show v2
ip link add v3 type veth peer name lo netns red
ip link add v3 type veth peer name v1 netns red
ip link set dev v1 up
ip link
ip link set v0 mtu 1400
ip link show type veth
ip -br link
ip addr del 10.1.2.7/24 dev v0
ip addr add 10.2.0.5/16 dev v1
ip -br addr
ip -n green -br addr
ifconfig br1
ip -n red neigh del 10.2.2.4 dev v1
ip -n red addr
ip -n green route show table all
ip link add v1 type veth peer name lo netns green
ip route flush dev v0
ip addr
ip netns del blue
ip addr del 10.2.0.1/24 dev v0
ip -n green link set br1 netns green
ip -n green link set br0 up
bridge -n blue fdb show
ifconfig lo
ip netns add red
ip addr show dev br1
ip -n green -d link show v0
ip -n red link show br0
ip netns del green
ifconfig v3
ip -n red addr del 10.0.1.8/24 dev v1
ip -n green link del v3
ip -o link
ip -n green -j addr
ip -n red -br link
ip route show table all
ip neigh replace 10.1.0.7 lladdr 02:00:00:00:00:01 dev lo
ip link add br1 type veth peer name v3 netns red
ip -j route
ip link set br0 nomaster
ip netns del red
ip link del br0
ip -o link
ip -n red link add v1 type bridge
sysctl -w net.ipv4.ip_forward=0
ip route add default via 10.1.2.3
ip -n red addr flush dev v2
ip -br addr
ip -n blue neigh replace 10.0.1.2 lladdr 02:00:00:00:00:01 dev v1
ip netns exec blue ifconfig v1 down
ip -n green link set lo up
ip addr
ip route flush dev br0
sysctl -w net.ipv4.ip_forward=0
ip route
ifconfig v1
sysctl -w net.ipv4.ip_forward=1
ip addr show dev v0
ip link add v0 type bridge
ip addr add 10.0.2.2/24 brd + dev v1
bridge fdb show
ip -n green link set v2 mtu 65535
ip route show table all
ip -j route
ip netns list
ip -n green addr del 10.1.2.7/24 dev v3
ip route add 10.7.0.0/16 dev v2
ip neigh
ip -n blue link set v2 master v3
sysctl -w net.ipv4.ip_forward=0
ip link set v3 name v0
sysctl -w net.ipv4.ip_forward=1
ifconfig br1 down
ip netns del red
ip addr del 10.2.0.8/24 dev v1
ip netns del green
ip addr flush dev v3
ip -j route
ip link set v1 name v3
ip addr show dev br1
ip -4 addr
ip -n blue link
ip -n green -j route
ip addr add 10.0.0.8/24 dev v0
ip neigh replace 10.1.1.6 lladdr 02:00:00:00:00:01 dev v0
ip link set br0 up
ip -n red -d link show br1
ip addr flush dev br0
ip link set dev v0 up
ip -n red route add 10.8.1.0/24 via 10.1.2.7
ip route
ip netns exec green ifconfig lo down
ip neigh replace 10.2.1.4 lladdr 02:00:00:00:00:01 dev v2
ip -br link
ifconfig v2
bridge fdb show
ip route flush dev v3
ip -n blue addr show dev br0
ip link add br0 type veth peer name v3 netns green
ip -br link
ip -n red -d link show br0
ip -n blue link set br0 name v0
ip route add 10.9.0.0/16 dev br1
ip -br addr
ip link set dev lo up
ip neigh del 10.1.2.7 dev v3
ip netns list
ip link show v0
ip -n blue link show br1
ip link set br0 mtu 65535
ip -j route
ip -n green link add v1 type bridge
ip -n green -br addr
ip link show v0
ip -n green addr add 10.0.0.9/24 brd + dev v1
sysctl -w net.ipv4.ip_forward=1
ip netns exec green ifconfig v1
ip -n red addr show dev br1
sysctl net.ipv4.conf.br1.forwarding
ip addr add 10.1.0.7/24 brd + dev v0
ip link set v1 name v0
ip -d link show lo
ip -j route
ip addr add 10.2.2.5/24 brd + dev br0
ip -n red -o link
ip netns exec blue sysctl -w net.ipv4.ip_forward=0
ip route show table all
ip -j netns
ip link add v2 type veth peer name br1 netns green
ip -n red route flush dev v0
ip -n red -j addr
ip link set dev v3 up
ifconfig v2 10.0.1.9/24
ip link
ip -n blue -d link show v0
ip -n blue addr show dev lo
ip neigh add 10.2.2.3 lladdr 02:00:00:00:00:04 dev v3
ip -n green link show v1
ip netns list
ip -n red route add 10.9.0.0/16 via 10.1.2.8
ifconfig v0 down
ip -n green link show lo
ip -n blue addr
ip link show type veth
ip -n green link add v0 type veth peer name lo netns green
ip -n green link add br1 type veth peer name lo
ip route add default via 10.0.1.2
ip neigh replace 10.1.2.8 lladdr 02:00:00:00:00:01 dev v0
ip route show table local
ip -n red route flush dev lo
ip neigh del 10.1.2.5 dev v3
ip -n green route flush dev v0
ip neigh
ip -n blue link del v3
ip link set v3 address 02:00:00:00:00:27
ip route
ip -br link
ip neigh del 10.0.2.8 dev v3
ip -d link show br1
ip -n green neigh del 10.0.0.5 dev lo
ip netns del red
ip route del 10.9.0.0/16
ip addr del 10.2.1.6/24 dev v3
ip netns add green
ip link show type veth
ip link
ip -n blue link set br0 down
ip link set br0 master v3
ip link del v2
ip addr add 10.2.2.5/24 brd + dev br1
ip link add v2 type veth peer name lo netns red
ip -n red route
ip -n blue neigh del 10.0.1.2 dev v1
ip addr add 10.1.0.9/16 dev br0
ip -n blue link set v1 master v1
ip addr show dev br1
ip neigh del 10.1.1.7 dev v1
ip -j route
ip netns list
ip netns exec red ifconfig v3 down
ip -d link show lo
ip route show table local
ip route flush dev v0
ip link set v3 netns red
ip netns del red
ip route del 10.7.0.0/16
ip route show table local
ip -j route
ifconfig v1
ip link
ip -j netns
ip -br addr
ip link show v2
ip neigh del 10.1.1.1 dev br0
ip addr show dev v2
ip -n green link
sysctl -w net.ipv4.ip_forward=1
ip -4 addr
ip link add v3 type veth peer name v0 netns red
ip -n blue route add 10.9.0.0/16 dev v1
ip addr
ip neigh del 10.0.1.8 dev v2
ip -br addr
sysctl -w net.ipv4.ip_forward=1
ip -n red link set v1 nomaster
ip -n red route show table local
ip route del 10.7.0.0/16
ip -j netns
ip -n red link set v0 address 02:00:00:00:00:16
ip link set v1 up
ip -n blue link set v2 nomaster
sysctl net.ipv4.conf.br0.forwarding
ip -n red link show v3
ip -n blue link set v0 nomaster
ip link add v0 type veth peer name v3
bridge -n blue fdb show
ip route show table local
ip -n blue neigh
ip route show table local
ip netns del green
ip -n blue addr add 10.0.0.2/8 dev v3
ip neigh
ip -n red route
ip link add v2 type veth peer name br1
ip route
ip -j netns
ip link show type veth
bridge fdb show
ip route show table all
ip netns exec red ifconfig lo 10.2.0.2/24
ip -n green addr
ip route show table local
ip -n red route
ip -n blue link del lo
bridge link
ip link set v2 mtu 65535
ip -n green addr add 10.1.2.1/24 brd + dev v1
ip neigh
ip netns add green
ip -n red link show v3
ip -n green neigh add 10.1.1.2 lladdr 02:00:00:00:00:07 dev v2
ip -n red addr show dev br1
ip link set lo netns red
ip -n blue addr
ip route flush dev lo
ip link set br0 master v2
ip route add 10.9.0.0/16 via 10.0.0.2
bridge link
ip link add br0 type veth peer name v1 netns red
ip -n green link set v1 mtu 1400
ip -n red link set v3 master v1
ip addr show dev br1
ip -n green -d link show v1
ip -n blue link set v0 mtu 9000
ip netns del blue
ip route flush dev v0
ip neigh replace 10.2.1.9 lladdr 02:00:00:00:00:01 dev v3
ip -n red link set v1 up
ip route
ip link add lo type bridge
ip netns exec red ifconfig v0 10.2.2.5/24
ip -n red -d link show v3
ip -n red -4 addr
ip -n red link set v0 down
ip -j netns
ip -n blue link
ip -j netns
ip link set v2 up
ip route del 10.7.0.0/16
ip netns list
ip -n red link set v1 down
ip route flush dev br0
ip -n red link set v3 down
ip -j route
ip -o link
ip route del default
ip netns exec green ifconfig v2 10.0.2.3/24
ip -j netns
ip addr add 10.1.2.5/24 brd + dev v2
ip route add 10.9.0.0/16 dev v3
ip -d link show v2
ip -n green link show v1
sysctl -w net.ipv4.ip_forward=0
ip addr show dev v0
ip -br link
ip -n blue link set v1 nomaster
ip netns list
ip -n blue link set v2 mtu 68
