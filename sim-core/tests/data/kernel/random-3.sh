# random-scenario.py 3 300: generated; recorded on a real kernel
ip link set br0 down
ip neigh del 10.0.1.8 dev v0
ip neigh del 10.1.1.9 dev lo
ip netns exec green sysctl net.ipv4.conf.br1.forwarding
ip link set lo netns blue
ip -n blue link add lo type veth peer name lo
ifconfig v2 down
ip -n red link set lo address 02:00:00:00:00:44
ip netns del red
ifconfig v2 down
ip -n red link set dev v0 up
ip link show type veth
ip netns add green
ip route show table local
ip -n green link del br0
ip addr flush dev lo
ip neigh
ip link
ip netns del green
ip link add v3 type bridge
ip neigh replace 10.0.2.7 lladdr 02:00:00:00:00:01 dev br0
ip -n red neigh replace 10.0.1.2 lladdr 02:00:00:00:00:01 dev v3
ip -n red route flush dev lo
sysctl -w net.ipv4.ip_forward=0
ip -n green neigh add 10.0.1.8 lladdr 02:00:00:00:00:07 dev v3
ifconfig v0 10.0.0.4/24
ip netns list
ip netns del red
ip route
ip -n red link set dev v1 up
ip -n red -br addr
ip addr flush dev v2
ip link show br0
ip addr add 10.2.1.9/24 brd + dev v0
ip neigh del 10.1.1.3 dev v0
ip -n blue link set v0 netns blue
ip link set v2 name br0
ip -br link
ip netns add blue
ip -br addr
ip -n red link set v3 master v0
ip netns exec red sysctl -w net.ipv4.ip_forward=0
ip route replace 10.7.0.0/16 dev v3 metric 3
ip -n red route show table all
ip addr
ip -j addr
ip route del 10.7.0.0/16
ip addr add 10.0.2.1/24 brd + dev lo
ip -br addr
ifconfig br0
ip route del 10.9.0.0/16
ip netns exec blue ifconfig v2
ip -n red neigh replace 10.2.0.4 lladdr 02:00:00:00:00:01 dev v3
ip netns add green
ip addr add 10.2.2.8/24 brd + dev br1
ip -4 addr
ip -n red route flush dev v3
ip -n green -4 addr
ip -n blue -br link
ip -j netns
ip -br addr
ip link add v1 type veth peer name v0
ip link set v1 up
ip link set dev br0 up
ip link
ip -n blue route show table local
ip route del 10.7.0.0/16
ip -n green link set br1 name lo
ip link set v2 nomaster
ip -n red addr del 10.2.0.4/24 dev br1
ip netns exec green ifconfig v1
ip -n blue neigh
ip route add 10.7.0.0/16 dev v2
ip addr add 10.1.1.5/24 brd + dev v2
ip -n green route add 10.7.0.0/16 dev br0
ip -n red route show table all
ip -n blue route show table local
ip -d link show lo
ip link set v2 up
ip link set br0 netns red
ip route
bridge link
ip addr add 10.0.2.6/31 dev lo
ip addr add 10.2.1.7/24 brd + dev v1
ip -n green link add v1 type veth peer name v2
ip link add v2 type veth peer name v0 netns red
ip netns list
ip -d link show lo
ip link set v2 master v2
ip link set v3 nomaster
ip link set br1 address 02:00:00:00:00:47
ip route del 10.7.0.0/16
ifconfig br0
ip -n red addr
ip neigh
ip neigh del 10.2.0.9 dev lo
ip netns del red
ip route show table local
ip -n red link add v1 type bridge
ip -n green addr add 10.1.2.6/24 brd + dev lo
ip -n blue link del v3
ip -j netns
ip link set lo up
ip -n red link add v3 type veth peer name v2 netns red
ip -n green link set lo nomaster
ip link add lo type veth peer name lo
ip netns del red
ip -n blue addr show dev v3
ip neigh
ip link set dev br1 up
ip -o link
ip link set lo down
ip addr del 10.2.0.9/24 dev v1
ip -n red link set lo name br1
ip link add br1 type bridge
ip route add 10.9.0.0/16 dev v0
ip link del v3
ip -n red link set br1 down
ip -n green addr del 10.2.2.1/24 dev v2
ip -n green route del 10.7.0.0/16
ip -n red link set v3 address 02:00:00:00:00:76
ip link show v1
ip route add 10.9.0.0/16 via 10.2.1.7
ip netns exec blue ifconfig br1 down
ip link del lo
ip route del default
ip route add default via 10.2.1.8
ifconfig lo 10.2.1.9/24
ifconfig br1
ip -n red route show table all
ip link set v1 mtu 67
ip route
ip -n blue route replace 10.9.0.0/16 dev v2 metric 3
ip link set br0 address 02:00:00:00:00:27
ip link set lo up
ip addr add 10.2.2.8/24 brd + dev v0
ip -n blue addr
ip -j addr
ip link show type veth
ip route add 10.7.0.0/16 dev v2
bridge link
ip addr del 10.2.0.1/24 dev br0
ip addr
ip -n green addr
ip -n red link set v0 address 02:00:00:00:00:39
ip addr add 10.1.1.5/24 brd + dev v0
ip link show type veth
ip -n red link set lo mtu 9000
ip -n red route add 10.9.0.0/16 via 10.0.0.1
ip link show br0
bridge -n green link
sysctl -w net.ipv4.ip_forward=1
ip -n blue -br addr
ip -d link show br0
ip route add 10.7.0.0/16 dev br0
ip link show v0
ip netns list
ip addr show dev v1
ip addr show dev br1
ip route show table local
ip link set v1 nomaster
ip -n red route del default
ip addr show dev br1
ip -4 addr
ip -n red neigh
ip -n red addr add 10.1.0.8/24 brd + dev br0
ip link show type veth
ip netns add red
ip route add default via 10.1.1.6
ip link set v3 down
ip -n red addr add 10.2.0.1/24 brd + dev br0
ip -n blue link add br1 type bridge
ip route
ip netns add blue
ip link set dev br1 up
ip link
ip route flush dev v1
ip addr del 10.1.2.3/24 dev br1
ip -br addr
ip -n red link show type veth
ip link set v1 master v3
ip -n red link set v3 name br0
ip link set v0 down
ip link set v3 name v3
ip -n green neigh replace 10.1.2.6 lladdr 02:00:00:00:00:01 dev br0
ip route add 10.8.1.0/24 via 10.0.1.5
ip route flush dev v1
ip route flush dev v0
ip -n green link set v3 mtu 67
ip -n green link add br1 type bridge
ip -n red link show type veth
ip link set v0 mtu 1400
ip link set v1 up
ip link add br0 type veth peer name v2
ip link
ip netns del blue
ip -n green route flush dev br0
ip link add v1 type bridge
ip neigh
ip netns del blue
ip -n blue link set br1 master v0
ip link add v1 type bridge
ip -br addr
ip link del v2
ip link set v3 up
ip link add br0 type bridge
ip -n blue route del 10.9.0.0/16
ip route add 10.8.1.0/24 via 10.0.2.4
ip -n red -d link show br1
ip link set br0 mtu 9000
sysctl net.ipv4.conf.v0.forwarding
ip -br addr
ip -n red -d link show br0
ip -n red route replace 10.7.0.0/16 dev v3 metric 3
ip route
ip addr flush dev lo
ip link del lo
bridge fdb show
ip -o link
ip -n blue addr add 10.0.1.4/24 brd + dev v0
ip -n red link set lo name br0
sysctl net.ipv4.conf.br1.forwarding
ip -n red link del v0
sysctl net.ipv4.conf.br0.forwarding
bridge fdb show
ip route flush dev br1
ip -o link
ip netns list
ip -n green -d link show lo
ip link set br1 master br0
ip neigh replace 10.1.1.8 lladdr 02:00:00:00:00:01 dev v0
ip link set lo up
ip link add v0 type veth peer name v1
ip -j netns
ip route show table all
ip route replace 10.9.0.0/16 dev v2 metric 2
ip link set dev v3 up
bridge link
ip -n blue link set v1 netns blue
ip -n red link add v1 type bridge
ifconfig lo down
ip route add 10.9.0.0/16 dev v2
ip -n red neigh
ip route del default
ip netns add blue
ip route flush dev br0
ip link add br1 type veth peer name v3
ip -n green link add v0 type bridge
ip -n red link add v0 type veth peer name br0 netns red
ip netns exec blue ifconfig br0
ip link set br1 address 02:00:00:00:00:42
ip -n red route add 10.9.0.0/16 dev v2
ip -n green link set v3 down
ip link set dev v0 up
ip neigh del 10.2.0.6 dev lo
ip route add 10.7.0.0/16 dev v0
ip -n blue addr add 10.1.0.9/31 dev v2
ip addr show dev v3
ip netns list
ip link set lo netns red
ifconfig br1 down
ip -o link
ip -n green addr flush dev lo
ip route del 10.7.0.0/16
ip link add br1 type bridge
ip netns list
ip netns add green
ip link add lo type veth peer name br0 netns red
sysctl -w net.ipv4.ip_forward=1
ip link set v3 up
ip addr
ip addr flush dev v3
ip neigh
ip link add v3 type veth peer name v1
ip link show v1
ip -n red link show type veth
ip -n blue route show table all
ip link add v3 type veth peer name v2
ip -n blue link set v3 down
ip -n blue route del default
ip -n blue neigh add 10.1.0.9 lladdr 02:00:00:00:00:02 dev v1
ip link show v0
ip route flush dev lo
ip link add v3 type veth peer name v0
ip link set br1 mtu 70000
ip link set v2 down
ip -n green link set v3 address 02:00:00:00:00:49
ip -n blue link set br0 down
ip -n red link show type veth
ip neigh
ip -n green route
ip -n red neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v2
ip -n blue -j route
ip -n red link set v0 address 02:00:00:00:00:34
ip -n blue neigh del 10.2.0.1 dev v0
ip -n red link set br0 master br1
ip netns add red
ip -n blue link add lo type veth peer name lo
ip addr show dev v0
ip link show type veth
