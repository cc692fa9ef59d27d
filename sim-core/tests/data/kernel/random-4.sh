# random-scenario.py 4 400: generated; recorded on a real kernel
ip -j addr
ip -n blue -d link show v0
ip -n green route add 10.8.1.0/24 via 10.0.1.6
ip neigh add 10.0.2.5 lladdr 02:00:00:00:00:07 dev v0
ip -n blue route add 10.9.0.0/16 via 10.2.0.7
ip link add v3 type bridge
ifconfig br1 down
ip route flush dev v1
ip -n red route show table local
ip -n green neigh
ip -n red link set v3 down
ip link set br1 name br0
bridge link
ip link add v3 type veth peer name br1
ip addr show dev lo
ip link add lo type veth peer name br0 netns blue
ip addr del 10.0.1.4/24 dev lo
ip link show lo
ifconfig v1
ip -br link
ip -br link
ip -br link
ip netns add red
ip neigh del 10.2.1.7 dev v2
bridge -n green link
ip -n green neigh replace 10.2.0.5 lladdr 02:00:00:00:00:01 dev br1
ip -j netns
ip neigh
ip -n red -o link
ip -n green link show type veth
ip -br link
ip netns list
ip route
ip -o link
ip -n red link
ip -n blue neigh
ip -n green neigh
ip route
ip addr del 10.0.0.2/24 dev v0
ip netns del red
ip link set v1 down
ifconfig lo 10.2.2.1/24
ip -n red link set v0 mtu 67
ip addr
ifconfig br1 10.0.2.6/24
ip -n green link set br0 down
ip -n red link del br0
ip -4 addr
ip addr add 10.0.2.7/24 brd + dev v3
ip netns del red
ip link add br1 type veth peer name br0
ifconfig lo down
ip -n red -br addr
ip link add br0 type veth peer name v2 netns green
ip -n red addr
ip neigh replace 10.0.1.6 lladdr 02:00:00:00:00:01 dev br1
ip -n blue -d link show br1
bridge link
ip route show table all
bridge -n red fdb show
ip -n green -br link
ip -n green link del br1
ip -n green -4 addr
ip -n blue link set br0 up
ip link set v0 down
bridge -n green fdb show
ip neigh add 10.0.0.4 lladdr 02:00:00:00:00:07 dev lo
ip -n green addr show dev v0
ip -n blue link set dev v0 up
ip -n red link set lo master br0
ip addr show dev v2
ip -br link
ip -n blue link set br0 netns blue
ip -n red addr add 10.1.2.5/24 brd + dev br1
sysctl -w net.ipv4.ip_forward=1
ip -n blue link set br1 up
ip addr add 10.1.2.7/24 brd + dev v2
ip -n blue link set br0 up
ip link set br0 master v3
ip addr add 10.0.2.5/8 dev v1
ip -n blue link set v2 netns blue
ip -n blue link set v1 name br0
ip route del default
ip addr add 10.2.1.1/24 brd + dev v1
ip -n red addr del 10.2.0.6/24 dev br0
ip -br addr
ip -n blue addr flush dev lo
ip link set v1 mtu 1400
ip -n blue link set dev v1 up
ip link show type veth
ip addr del 10.0.1.4/24 dev br1
ip addr
ip -j addr
ip -n blue neigh replace 10.0.0.1 lladdr 02:00:00:00:00:01 dev lo
ifconfig v3 10.1.1.6/24
ip route add 10.8.1.0/24 via 10.1.0.6
ip link add v3 type veth peer name lo
ip -n green addr add 10.2.1.3/16 dev v3
ip -n blue addr flush dev br0
ip netns exec green ifconfig v3 10.0.1.7/24
ip -n green route del 10.7.0.0/16
ip -n green -br link
ip -n blue link add v2 type veth peer name br1 netns blue
ip -n blue -j route
ip neigh replace 10.2.0.9 lladdr 02:00:00:00:00:01 dev v2
ip -d link show lo
ip -o link
ip addr
bridge fdb show
ip link set br0 address 02:00:00:00:00:70
ip route add 10.7.0.0/16 dev v1
sysctl -w net.ipv4.ip_forward=1
ifconfig v3 10.2.1.6/24
ip route add 10.9.0.0/16 via 10.0.0.7
ip -n green -j route
ip netns add green
ip -n red neigh
ip -n red link set dev v2 up
ip link set br0 mtu 1400
ip -d link show br0
ip link del v3
ip -j netns
ip netns list
sysctl net.ipv4.conf.lo.forwarding
bridge -n green fdb show
ip link add v3 type veth peer name v1 netns blue
ip route del 10.9.0.0/16
ip -n red link set v3 up
ip netns exec red sysctl net.ipv4.conf.lo.forwarding
ip -n red neigh replace 10.0.2.4 lladdr 02:00:00:00:00:01 dev v2
ip link
ip addr del 10.2.1.4/24 dev v0
ip -d link show lo
ip -n green route flush dev br1
ip -j route
ip -n green addr add 10.0.0.8/24 dev v1
ip netns exec green ifconfig v1
ip netns list
ip link show v2
ip route add 10.9.0.0/16 dev v0
ip netns exec red sysctl -w net.ipv4.ip_forward=1
ip link set br1 address 02:00:00:00:00:60
ip link show v0
bridge -n red link
ip -n blue addr
ip link set br1 nomaster
ip link set dev v2 up
ip addr del 10.0.1.1/24 dev v2
ip -n green neigh del 10.2.2.8 dev v2
ip -n green neigh replace 10.0.0.4 lladdr 02:00:00:00:00:01 dev v1
ip route show table all
ip link set br0 nomaster
ip -n blue addr show dev lo
ip link show type veth
ip netns exec green ifconfig v0 10.1.1.2/24
bridge fdb show
ip -n red route
ip -n blue link add v1 type bridge
ip netns del green
ip route show table all
ip addr flush dev v0
ip -n blue addr show dev br1
ip -d link show v2
ip addr add 10.2.1.2/32 dev lo
bridge fdb show
ip link set lo up
ip neigh replace 10.0.1.4 lladdr 02:00:00:00:00:01 dev br0
ip link add lo type bridge
ip -d link show v3
ip -n red link set v1 name v3
ip -j addr
ip -n blue neigh add 10.2.0.4 lladdr 02:00:00:00:00:02 dev br1
bridge -n blue fdb show
ip -n green link
ip -n red link del br0
ip netns exec green sysctl -w net.ipv4.ip_forward=1
ip link set lo master v1
ip -d link show lo
ifconfig v1
ip link show v2
ip link set v0 down
ip -n red -br addr
ip link
ifconfig br1 down
ip link set v3 up
ip neigh del 10.0.1.7 dev br0
ip route
ip link add lo type bridge
ip -n green link show type veth
ip -n green neigh add 10.1.1.1 lladdr 02:00:00:00:00:05 dev v1
ip neigh add 10.1.0.2 lladdr 02:00:00:00:00:01 dev br0
bridge link
ip addr add 10.0.0.3/24 dev v3
ip link del v0
ip link show type veth
ip netns del blue
ip netns add green
ip -j addr
ip -n green route add 10.8.1.0/24 via 10.1.1.6
ip netns list
ip link set v1 down
bridge link
ip -n red link del lo
sysctl net.ipv4.conf.lo.forwarding
bridge fdb show
ip link add v2 type veth peer name br0 netns green
ip neigh
ip route replace 10.7.0.0/16 dev v3 metric 2
ip link set br0 name v0
ip route show table all
ip link set br1 up
ip netns exec green sysctl net.ipv4.conf.v1.forwarding
ip -j route
ip link
ip netns add green
ip link set br0 master v0
ip -n red link add lo type bridge
ip addr del 10.1.1.1/24 dev v0
ip -n red link del v3
ip netns del red
ip addr flush dev v3
ip -n blue addr add 10.0.0.6/24 brd + dev v2
ip -n green addr show dev lo
ip addr show dev v0
ip addr show dev v3
ip -n green route add 10.7.0.0/16 dev v3
ip -n green link set v3 nomaster
ifconfig v1 10.2.0.8/24
ip route replace 10.7.0.0/16 dev lo metric 2
ip -br addr
ip netns exec blue ifconfig lo 10.0.2.4/24
ip -n red route del 10.9.0.0/16
ip netns exec blue sysctl -w net.ipv4.ip_forward=0
ip route replace 10.9.0.0/16 dev v3 metric 2
ip -j route
ip link
ip link set v0 nomaster
ip link add v2 type bridge
ip link set v0 address 02:00:00:00:00:20
ip addr
ifconfig v1 down
ifconfig v1 down
ip route replace 10.7.0.0/16 dev v1 metric 0
ip -n blue route flush dev lo
ip route del 10.9.0.0/16
ip -n green addr show dev v2
ip -4 addr
ip netns del red
ifconfig br0 10.0.1.9/24
ip addr add 10.1.2.3/24 brd + dev v0
ip -n blue route del 10.7.0.0/16
ip link
ip link
ip route flush dev v1
ip addr add 10.2.2.8/31 dev lo
sysctl -w net.ipv4.ip_forward=1
ip -n green neigh replace 10.2.0.8 lladdr 02:00:00:00:00:01 dev v2
ip netns exec green ifconfig br0
ip route show table local
ifconfig v2 down
ip -n red link add v0 type bridge
ip -n blue -br addr
ip route show table local
ip -o link
ip -n red neigh add 10.0.2.5 lladdr 02:00:00:00:00:04 dev v1
ip addr
ip -n blue addr
ip -n blue route del default
ip link set v3 master v3
ip -n green -j route
ip -n green link set v2 nomaster
sysctl -w net.ipv4.ip_forward=0
ip -j addr
ip route del 10.7.0.0/16
ip link set v3 mtu 1400
ip -n green link show v3
ip netns exec blue sysctl net.ipv4.conf.v0.forwarding
ip -n green route add 10.7.0.0/16 dev v1
ip link set lo address 02:00:00:00:00:88
ip -n blue link set v1 netns blue
ip -n red -j route
ip link add v0 type bridge
ip route
ip -n green -br addr
bridge -n green fdb show
bridge fdb show
ip -j netns
ip -n red -4 addr
ip -n blue addr add 10.2.2.1/32 dev lo
ip -n blue neigh
ip link set v2 name br1
ip -n green -br link
ip -n green neigh
ip link set br0 address 02:00:00:00:00:42
ip link add br1 type bridge
ip route show table local
ip route show table local
sysctl -w net.ipv4.ip_forward=1
ip link set v1 netns red
ip -n green link add br1 type veth peer name lo netns green
ip -n red link show type veth
ip route
ip -n red link set v1 master br1
ip netns exec green ifconfig br1 10.2.2.2/24
ip -n red link set v1 up
ip link show v3
bridge link
ip -n green addr add 10.1.1.3/24 brd + dev v3
ip -o link
ip link set v2 master br0
ip -n green link show type veth
sysctl net.ipv4.conf.br1.forwarding
ip -n blue route show table all
ip -j addr
ip netns add red
ip -n blue -d link show br0
ip -n blue -j route
ip -j netns
ip -n blue route del 10.7.0.0/16
bridge link
ip -n blue link set v0 master v3
ip netns exec red ifconfig v2
ifconfig v3
ip -n blue link add v1 type veth peer name v1 netns blue
ifconfig v3 10.1.1.4/24
ip -j netns
ip -n green route show table local
ip -n red addr show dev br1
ip -d link show v2
ip -n green route add 10.9.0.0/16 via 10.0.0.7
ip -br link
ip link add br1 type veth peer name br1 netns green
ip addr show dev v3
ip -n blue addr show dev v1
ip addr add 10.2.0.2/24 brd + dev v3
ip -n red link show br0
ip route replace 10.7.0.0/16 dev v1 metric 3
ip route replace 10.7.0.0/16 dev br0 metric 2
ip -n red link set lo up
ip -n red link set v2 nomaster
ip netns list
ip -n blue -j addr
ip addr del 10.1.1.8/24 dev br0
ip route show table local
ip route replace 10.7.0.0/16 dev v1 metric 0
ip -n red link set v2 nomaster
ip -br addr
ip -n green addr add 10.2.2.9/24 brd + dev v3
ifconfig lo 10.1.2.9/24
ip addr add 10.1.1.2/24 brd + dev v0
ip addr show dev v0
ip link add v1 type veth peer name v3
ip -4 addr
ip link
ip -j addr
ip -o link
ip addr flush dev v2
ip neigh
ip -n blue link set lo netns blue
ip -n red link set v3 up
ip link set br1 master v2
ip -n green -4 addr
ip -n blue -j addr
ip netns exec green ifconfig br0
ip -n red -br addr
ip -4 addr
ip -n blue -4 addr
ip addr add 10.2.0.3/24 brd + dev v1
ip link show lo
ip -n red link show v3
ip link set v1 netns blue
ip link set br1 up
ip route replace 10.9.0.0/16 dev v1 metric 2
ip link set v2 netns blue
ip addr
ip -n green -br link
ip route flush dev v0
ip link set dev v0 up
ip link set v0 up
ip link set v3 netns blue
ip -j route
ip route
ip route add default via 10.0.2.9
ip -n blue -j route
ip -n blue route
ifconfig v3 10.0.1.6/24
ip route flush dev br1
ip netns exec green ifconfig br1 down
ip link set br1 address 02:00:00:00:00:84
ip -j route
ifconfig v0
ip -n green link add br1 type veth peer name br0 netns green
ip -d link show v3
bridge -n blue fdb show
ip netns add blue
ip route show table all
ip route add default via 10.0.2.4
ip -n green link set br0 address 02:00:00:00:00:43
ip -n blue addr flush dev br1
ip neigh add 10.1.0.2 lladdr 02:00:00:00:00:04 dev br1
