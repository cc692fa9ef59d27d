# random-scenario.py 5 400: generated; recorded on a real kernel
ip -n green link set v2 master br1
ifconfig v2
bridge fdb show
ip -n green addr
ip addr add 10.1.1.9/24 brd + dev v2
ip -n green addr
ip link set v1 down
ip netns del blue
ip link show v2
ip addr
ip netns list
ip -n green addr show dev v0
ip addr show dev v0
ip -n blue link set dev lo up
ip addr add 10.0.2.1/24 brd + dev v2
ip -n red addr del 10.0.1.7/24 dev br1
ip -n green link add v0 type bridge
ip link set lo down
ip neigh replace 10.2.0.5 lladdr 02:00:00:00:00:01 dev v0
ifconfig lo down
ip -n red route del default
ip link set v3 up
ip -n red addr
ip -n green link set br0 up
ip route
ip route add 10.7.0.0/16 dev br1
ip link set dev lo up
ip link set lo nomaster
ip link set v0 name v1
ip -n green route replace 10.7.0.0/16 dev br1 metric 2
ip link set v1 up
ip netns add red
ip -n blue -j addr
ip link add br1 type veth peer name v2
ip addr del 10.0.0.7/24 dev br1
ip -n green neigh replace 10.0.2.4 lladdr 02:00:00:00:00:01 dev v3
ifconfig v1 10.1.1.6/24
ip -n red route show table all
ip addr add 10.2.1.7/24 brd + dev br1
ip link set v0 down
ip netns exec blue sysctl -w net.ipv4.ip_forward=0
ip link add br1 type veth peer name v2 netns red
ip link set br1 master lo
ip -n blue link set br1 nomaster
ip route flush dev v3
ip link show v2
ip netns add blue
ip -n blue -4 addr
ip route del 10.7.0.0/16
ip link add lo type veth peer name br1
ip link del v3
ip -j netns
ip -br link
ip -br link
ip link set v3 name lo
ip route show table all
ip -n blue neigh del 10.0.0.4 dev lo
ifconfig v2
ip route add 10.8.1.0/24 via 10.2.0.3
sysctl net.ipv4.conf.v2.forwarding
ip route show table local
ip -n red link set dev v3 up
ip -n red link add v1 type veth peer name v3
ip link set lo up
ip -j addr
ip -n blue route del default
ip route flush dev v0
ip neigh replace 10.0.0.9 lladdr 02:00:00:00:00:01 dev v3
ip link set lo nomaster
ip route show table local
ip -n blue link set v3 mtu 70000
ip -n red link del v2
ip link add br0 type bridge
ip link del v0
bridge -n green fdb show
ip link set br1 mtu 1400
ip neigh
ip -n red addr
ip route show table all
ip -j route
ip -4 addr
ip link show v1
ip -n red link set br0 nomaster
ip route replace 10.9.0.0/16 dev v0 metric 2
ip link show v0
ip route show table local
ip -n green addr flush dev br0
ip -j route
bridge -n red fdb show
ifconfig br0
ip neigh add 10.1.2.4 lladdr 02:00:00:00:00:07 dev br0
ip link set v3 netns red
ip -n red neigh
ip route flush dev v0
ip -n green route
ifconfig v1 10.2.2.8/24
ip -4 addr
ip addr add 10.0.2.3/31 dev br1
ip -n red addr add 10.0.1.3/24 brd + dev v3
ip -o link
ip route flush dev lo
ip -d link show v0
ip -br link
ip link set v2 address 02:00:00:00:00:28
ip link show lo
ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:07 dev v1
ip -br addr
ip route add 10.7.0.0/16 dev lo
ip -n red link set v1 netns red
ip neigh replace 10.2.2.6 lladdr 02:00:00:00:00:01 dev v2
sysctl net.ipv4.conf.v1.forwarding
sysctl -w net.ipv4.ip_forward=1
ip -n blue route replace 10.9.0.0/16 dev v2 metric 1
ip netns exec green ifconfig br0 10.2.1.5/24
ip -n green link set v1 master br0
ip -n blue addr flush dev v3
ip neigh del 10.2.2.4 dev br1
ip -4 addr
ip -n red neigh del 10.0.2.9 dev lo
ip netns add red
ip -n green -o link
ip -n blue neigh replace 10.0.2.2 lladdr 02:00:00:00:00:01 dev v3
ip link set br0 master br1
ifconfig v1
ip -n blue -br addr
ip link set v0 up
ip link set v3 nomaster
ip addr flush dev lo
ip route flush dev v0
ip netns del red
ip -n green -br link
ip -n blue route add 10.9.0.0/16 dev v2
ip -n green link set dev v0 up
ip -n green link set v1 name v3
ip -j route
ip -n red -br addr
ip -n blue route show table all
ip -n blue neigh add 10.2.0.9 lladdr 02:00:00:00:00:05 dev v3
ip netns exec green ifconfig v2 down
ip -d link show br0
ip netns list
ip link set v2 mtu 9000
ip link set v1 up
ip -n blue -d link show br0
ip netns del blue
ip -n blue link set lo mtu 1400
sysctl -w net.ipv4.ip_forward=0
ip -o link
ip link del br1
sysctl net.ipv4.conf.br0.forwarding
ip netns del green
ip -n green link show v1
bridge link
ip -j route
ip -n green link add v1 type bridge
bridge fdb show
ip -n red link set br0 master br1
ip -n green -j route
ip route replace 10.7.0.0/16 dev br0 metric 2
ip link set v3 master v3
ip link add v2 type bridge
ip route add default via 10.1.1.6
ip -4 addr
ip -n green route replace 10.9.0.0/16 dev v2 metric 0
ip link del v0
ip addr flush dev v1
ip neigh
bridge link
ip link show type veth
ip link del br0
ip -n blue link
ip link set dev v3 up
ip link set dev br1 up
ip neigh add 10.1.0.3 lladdr 02:00:00:00:00:04 dev br1
ip -n blue -j route
ip -n green neigh add 10.2.2.9 lladdr 02:00:00:00:00:06 dev v0
ip link set v1 name br0
ip link set v2 master v3
ifconfig v3 down
ip route flush dev br1
ip -n red route add default via 10.1.2.3
ip link set v1 nomaster
ip link show br0
ip -n red route del 10.7.0.0/16
ip -n red route add 10.7.0.0/16 dev br1
ip -n red link set v2 nomaster
ip -n red route
ip link
ip netns exec blue ifconfig lo
ip route show table local
ip neigh del 10.0.1.1 dev v3
ip netns list
ifconfig v3 10.2.2.5/24
ip -d link show br0
ip link set v2 name v1
ip -n green link set br0 down
ip -n green link set v2 nomaster
ip -n blue route add 10.9.0.0/16 dev v3
sysctl -w net.ipv4.ip_forward=1
ip -br link
ip -j addr
ip -n blue neigh add 10.1.0.3 lladdr 02:00:00:00:00:08 dev v2
ip -n red link set dev v2 up
ip -n green addr add 10.0.2.5/31 dev br0
ip link set br1 nomaster
ip route flush dev v2
bridge fdb show
ip netns exec green sysctl -w net.ipv4.ip_forward=0
ip link add v2 type veth peer name v1 netns red
ip -n blue link set lo up
ip link set v2 name v0
ip neigh
ip route
ip -4 addr
ip -n green addr show dev lo
bridge fdb show
ip neigh
ip -d link show lo
ip -4 addr
ip -n green route add 10.9.0.0/16 dev v1
ip netns list
ip addr del 10.2.2.2/24 dev v0
ip -n green link set lo netns green
ip -n red link show v0
ip link set v3 netns red
ip -n blue route
ip addr del 10.0.1.9/24 dev v3
ip netns exec green sysctl net.ipv4.conf.lo.forwarding
ip addr del 10.1.0.1/24 dev v3
ip addr add 10.1.0.7/30 dev v2
ip -n blue link show type veth
ip -n red link set br0 mtu 68
ip addr add 10.0.2.3/32 dev lo
ip -n red neigh del 10.0.1.1 dev v0
ip route replace 10.7.0.0/16 dev v0 metric 1
ip link add br0 type veth peer name v3
ip link set br0 mtu 68
ip addr add 10.2.2.8/16 dev v2
ip -n blue link set lo address 02:00:00:00:00:83
ip -n green link show type veth
ip -n green addr
ip -br link
ip link set v0 address 02:00:00:00:00:75
ip neigh
ip addr add 10.2.1.6/24 brd + dev v3
ip -n blue route show table local
bridge link
ip link del v0
ifconfig v3 10.0.1.9/24
ip -j route
ip -n red link add br1 type bridge
ip link set v2 up
ip -n green link set v1 address 02:00:00:00:00:88
ip netns del green
ip -n red link add lo type bridge
bridge fdb show
ip -n blue addr flush dev v0
ip link add br1 type veth peer name lo netns red
ip -n blue route show table local
ip -br link
ip link show v2
ip link set dev v0 up
ip -n red link add v1 type bridge
ip link set lo name br0
bridge fdb show
ip link set br1 nomaster
sysctl net.ipv4.conf.v3.forwarding
ip link show type veth
ip netns exec green ifconfig v2
ifconfig br0 down
sysctl -w net.ipv4.ip_forward=0
ip -n red neigh add 10.0.2.8 lladdr 02:00:00:00:00:09 dev lo
bridge link
ip route del 10.9.0.0/16
ip -n red link add v1 type veth peer name v1
ip netns add red
ip route show table local
ifconfig br0 down
ip -n red route del 10.9.0.0/16
ip route
ip route del default
ip link add v0 type veth peer name v1
ifconfig v1 10.2.0.3/24
ip -n red route show table all
ifconfig v3 10.2.1.3/24
ip route show table local
ip neigh
bridge -n blue link
ip -n blue neigh
bridge link
ip netns exec red sysctl -w net.ipv4.ip_forward=1
ip route flush dev br0
ip link set br1 up
sysctl -w net.ipv4.ip_forward=0
ip addr del 10.0.0.5/24 dev v1
ip addr show dev br0
ip route show table all
bridge link
ip -n green link set dev lo up
ip -n red link del v2
ip link del br1
ip link del v0
sysctl net.ipv4.conf.v2.forwarding
ip link set lo mtu 67
ip addr del 10.1.1.5/24 dev v1
ip -j netns
ip -n green link
ip addr flush dev br0
ip -d link show v1
ip link set v2 address 02:00:00:00:00:58
ip link set v0 address 02:00:00:00:00:88
ip -d link show v2
ip -n red addr show dev v1
ip route
ip -br addr
ip route replace 10.9.0.0/16 dev lo metric 0
ip link show type veth
ip -j addr
ip -n green -o link
ip -j addr
ip addr add 10.1.2.2/24 brd + dev v1
ip -n blue addr add 10.2.0.7/24 brd + dev v2
ip addr add 10.2.0.4/32 dev v3
ip route replace 10.7.0.0/16 dev br0 metric 1
sysctl -w net.ipv4.ip_forward=0
ip link show lo
ip neigh
ip link add lo type veth peer name v1 netns red
ip netns exec red ifconfig v0 down
ip -n red route replace 10.9.0.0/16 dev v3 metric 3
ip link set lo mtu 70000
ip -n blue link show type veth
ip -n red link add v2 type veth peer name br1 netns red
ip neigh del 10.2.0.2 dev br0
ip link set lo netns blue
ip addr
ip -n green neigh replace 10.1.1.6 lladdr 02:00:00:00:00:01 dev v2
ip -n green neigh add 10.2.1.4 lladdr 02:00:00:00:00:01 dev v2
ip -n green neigh
ip -n red route replace 10.9.0.0/16 dev br1 metric 2
ip -n red addr add 10.0.2.6/24 brd + dev v3
ip -j netns
ip -br link
ip -4 addr
ip -n blue link set v0 master v2
ip -n red addr show dev v1
ip -n blue neigh replace 10.1.1.4 lladdr 02:00:00:00:00:01 dev v1
ip addr flush dev v2
ip netns exec red ifconfig lo 10.0.2.3/24
ip -n red link set br0 address 02:00:00:00:00:31
ip -n red addr show dev v1
ip route del 10.9.0.0/16
ip link
ip netns del red
ip -n red addr show dev br1
ip link show type veth
ifconfig v1 down
ip link set br0 address 02:00:00:00:00:73
ip route del 10.9.0.0/16
ip -n blue -d link show v0
ip route replace 10.9.0.0/16 dev br1 metric 1
ip link add br0 type veth peer name v3
ip link set br1 address 02:00:00:00:00:58
ip -n blue -j route
ip -n red route add default via 10.1.0.5
ip netns exec blue ifconfig v2
ip route del 10.7.0.0/16
sysctl net.ipv4.conf.v1.forwarding
ifconfig v0
ip link show type veth
ip route add 10.8.1.0/24 via 10.0.1.9
ip neigh replace 10.2.1.1 lladdr 02:00:00:00:00:01 dev lo
ip -d link show br1
ip -n green link add v3 type bridge
ip -n green -j route
ip -j netns
ip -n red addr
ip link set v2 mtu 67
ip route show table all
ip link set br1 up
ip link set lo address 02:00:00:00:00:84
ip neigh replace 10.1.1.6 lladdr 02:00:00:00:00:01 dev v3
ip addr
ip -n green addr show dev v2
ip route
ip -n blue link add v0 type bridge
ip route flush dev v1
ip neigh add 10.0.1.4 lladdr 02:00:00:00:00:07 dev br1
ip -n red link show type veth
ip link show type veth
ip link set v0 address 02:00:00:00:00:49
sysctl -w net.ipv4.ip_forward=0
ip netns add red
ip -n red link set v3 address 02:00:00:00:00:94
ip link set v2 mtu 65535
ip -n green addr show dev v2
sysctl -w net.ipv4.ip_forward=0
ip link set v0 master br1
ip netns exec red ifconfig v1 10.1.0.4/24
ip link set lo down
