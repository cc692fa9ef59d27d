# random-scenario.py 8 400: generated; recorded on a real kernel
ip -n red route
sysctl -w net.ipv4.ip_forward=2
ip -n blue link set veth2 master v2
ip netns add green
ip link add type veth
ip -n red -br link
ip -n blue neigh
ip link
ip -n green link add br0 type veth peer name br1 netns green
ip -d link show v0
ip -n green addr
ip link set v3 down
ip netns list
ip link add type veth
ip route add 10.7.0.0/16 dev veth1
ip -n green route del default
ip addr
ip -n blue neigh replace 10.2.1.5 lladdr 02:00:00:00:00:01 dev veth2
ip link add type veth
ip -n red link add v2 type veth peer netns red
ip link add type veth
ip -n red link set v3 down
ip -n red link show lo
ip link set veth1 master br1
sysctl -w net.ipv4.ip_default_ttl=
ip link set v0 netns red
sysctl -w net.ipv4.conf.v0.proxy_arp=
ip link show veth0
ip -n red link add type veth peer name v3
ip -br link
ip -n blue link add type bridge
ip netns add green
ip -n blue link set v0 netns blue name v2
ip -n green link add v%d type bridge
ip link set veth1 name veth%d
ip route
ip link add type veth peer name lo
ip route add default via 10.2.0.8
bridge fdb show
ip netns list
ip -n green link add br%d type bridge
ip netns add green
ip link add veth2 type veth
ip link add br%d type bridge
ip -n green -br addr
ip route
ip link set veth2 master v0
ip link add br1 type veth peer name veth0
ip link set veth1 down
ip link add type veth
ip -n blue link set v0 address 02:00:00:00:00:91
ip link add veth2 type veth peer name br1 netns red
ip -n blue route replace 10.9.0.0/16 dev br0 metric 0
sysctl -w net.ipv4.ip_forward=0
ip link set v0 name lo
bridge fdb show
ip addr add 10.2.0.4/24 brd + dev v3
sysctl -w net.ipv4.conf.all.forwarding=1
bridge fdb show
ip link set v0 master v2
ip -n green link set br0 name veth%d
ip -br link
ip netns add green
ip link add type veth
ip link add br0 type veth peer name lo
ip -n green -4 addr
ip -br link
ip netns list
ip route replace 10.7.0.0/16 dev v1 metric 3
ip -n red -br link
ip route
ip -n blue link del br0
ip -n blue -br link
ip -j addr
ifconfig br1 down
ip -n red link set veth0 name veth%d
ip addr flush dev v3
ip link add br%d type bridge
ip link set br0 netns red name v3
ip addr add 10.0.2.2/24 brd + dev lo
ip link set lo name v%d
ip -n red route show table all
ip link set veth1 netns blue name veth0
ip netns del blue
ip -br addr
sysctl -w net.ipv4.conf.br0.rp_filter=x
ip -n green route replace 10.9.0.0/16 dev veth1 metric 0
bridge fdb show
ip -j route
ip route flush dev v1
ip -j route
ip link add v2 type veth peer name veth2
ip addr add 10.1.0.9/24 brd + dev veth0
ip link set v3 name v%d
sysctl net.ipv4.conf.v3.rp_filter
ip link add type bridge
ip -n blue -j addr
ip link add v%d type bridge
ip -n red -br link
ip -n red link set v1 netns red
ip route
ip -n green link add v2 type veth peer name veth1 netns green
ip -n red link add type veth
ip -n blue link add type veth peer name v2
ip addr add 10.0.0.6/24 brd + dev v3
sysctl -w net.ipv4.ip_forward=0
ip link set veth1 name v%d
ip addr add 10.2.1.3/24 brd + dev v2
sysctl net.ipv4.conf.v0.forwarding
ip link add v%d type bridge
ip -n green link add type bridge
ip addr show dev v2
ip -n red link add type veth peer name veth2
ip -n blue route
ip link add type veth peer name veth0
ip -br addr
ip -br link
ip -n green link add veth0 type veth peer name veth2
ip link set v2 down
ip -n red link add br1 type veth
ip -n blue link set v2 master v2
sysctl net.ipv4.conf.br1.rp_filter
ip -n red -d link show v3
ip link add veth1 type veth
sysctl -w net.ipv4.ip_forward=1
ip neigh add 10.1.2.8 lladdr 02:00:00:00:00:08 dev v2
ip link set veth1 master br1
ip link add br1 type veth peer name veth1
ifconfig veth1 10.1.2.5/24
ip -n red link show type veth
ip -j netns
ip -n blue addr
ip netns exec blue sysctl -w net.ipv4.ip_forward=1
ip -n blue link
ip link set v2 name veth%d
ip -n green addr flush dev lo
ip -j route
ip -n green link set veth1 down
ip link set dev v1 up
ip -n blue link set br1 master veth1
ip link set br0 mtu 67
ip link add v0 type veth peer name v0 netns blue
bridge -n red link
ip -n red neigh replace 10.0.1.4 lladdr 02:00:00:00:00:01 dev veth1
ip -n red -j addr
ip -n green route replace 10.7.0.0/16 dev lo metric 1
ip route replace 10.9.0.0/16 dev br1 metric 2
ip -n blue route add 10.9.0.0/16 dev v0
ip route
ip -n blue link set lo netns blue name veth0
ifconfig br1
ip -j netns
ip link del v0
ip addr add 10.2.1.4/16 dev lo
ip -n blue link add v2 type bridge
sysctl -w net.ipv4.ip_forward=x
ip -o link
ip route show table local
bridge link
ip -n blue route add 10.9.0.0/16 dev veth2
ip -j route
ip link add veth%d type bridge
ip link show v2
ip -n red link
bridge -n blue fdb show
ip neigh del 10.2.0.1 dev lo
ip link add v3 type veth peer name br1
ip link set dev v0 up
ip link set dev v2 up
ip addr flush dev lo
sysctl net.ipv4.conf.v1.rp_filter
ip -n red link add type veth peer name lo
ip -n red route add 10.7.0.0/16 dev v0
ip link set lo name br1
ip route del 10.7.0.0/16
ip link add type veth peer name v2
ip -n blue link set br1 name v%d
ip link set v1 name veth%d
ip -n blue link add v2 type veth
ip link set veth0 name v%d
ip -n green link add type veth
ip link add type veth
ip link set v2 name veth%d
ifconfig veth2 down
sysctl net.ipv4.conf.lo.forwarding
ip -n red link add type veth peer name veth0
ip -n blue addr flush dev br1
ip -n blue route del default
ip link add type veth peer name v3
ip netns del blue
ip link add veth1 type veth
ip -n green link show type veth
ip -d link show v1
ip -br link
ip -n red -d link show veth0
ip route add 10.8.1.0/24 via 10.2.1.1
ip -n red route add 10.7.0.0/16 dev veth1
ip link add lo type veth peer name v0
sysctl net.ipv4.conf.v1.forwarding
sysctl -w net.ipv4.conf.v2.proxy_arp=0
ip -n red neigh
ip link set v3 netns green name veth1
ip -n green link add veth2 type veth peer netns green
ip link add lo type veth peer netns red
ip -br link
ip link set veth0 netns red name lo
ip link add v3 type veth peer name veth1 netns red
ip route add 10.7.0.0/16 dev v0
ip netns add green
ip neigh add 10.1.1.7 lladdr 02:00:00:00:00:01 dev veth0
ip link add type veth peer name v2
bridge -n green fdb show
ip -n blue link add type veth
ip -j route
ip route add 10.9.0.0/16 dev v1
ip -n blue neigh add 10.0.1.4 lladdr 02:00:00:00:00:09 dev br1
ip link set v0 netns blue name v0
ip addr add 10.1.2.8/24 brd + dev veth2
ip link set veth2 up
ip route show table local
ip -n blue addr show dev v1
ip link set v3 up
ip netns exec green ifconfig v3
ip -o link
ip -n blue route flush dev veth0
ip link set br1 name v%d
sysctl -w net.ipv4.conf.lo.rp_filter=2
ip route add 10.8.1.0/24 via 10.0.1.2
ip -n green link add veth2 type veth peer netns green
sysctl -w net.ipv4.ip_forward=1
ip -n green addr show dev veth0
sysctl net.ipv4.ip_forward
ip addr show dev v0
ip link set v3 netns blue name v0
ip link add br%d type bridge
ip link add veth2 type veth
ip addr flush dev v3
ip -n green link add type bridge
ip link set v3 name lo
ip link set v3 name lo
ip link set veth1 netns red name v1
ip neigh
ip link set br0 master veth2
ip netns del red
ip link set veth2 name veth%d
ip -n green link add veth%d type bridge
ifconfig v3 10.0.2.4/24
ip route show table all
ip -n green -j addr
ip link del veth2
ip netns add green
ip -n blue neigh
ip -n blue -j addr
ip route add 10.7.0.0/16 dev v2
ip -j addr
ip route replace 10.9.0.0/16 dev br1 metric 0
ip -4 addr
ip netns del blue
ip addr flush dev v2
ip netns add blue
ip netns exec blue sysctl -w net.ipv4.conf.all.forwarding=256
ip -br link
ip link show type veth
ip -n blue link set v2 up
ip -o link
ip link add br1 type veth peer name v1
ip -j netns
ip netns del blue
sysctl -w net.ipv4.ip_forward=0
ip -n green link add type bridge
ip link add v0 type veth
ip -n green addr add 10.1.1.4/24 brd + dev v0
ip neigh del 10.2.0.8 dev veth1
ip link add v%d type bridge
ip link add br1 type veth peer netns blue
ip link add v2 type veth peer name v3 netns blue
ifconfig veth1 10.2.1.4/24
ip -n red link add br0 type veth
ip netns exec green sysctl net.ipv4.conf.br1.forwarding
ip link show v0
ip -n blue link add veth2 type bridge
ip -n red link add type veth
ip -n red addr add 10.1.2.6/24 brd + dev v0
ip -n green -br link
sysctl -w net.ipv4.ip_forward=0
ip -n green link set v3 nomaster
bridge -n blue fdb show
ip -n green -d link show veth0
ip -n green addr add 10.2.0.8/32 dev veth2
ip addr show dev v2
ip addr add 10.1.2.1/24 brd + dev veth0
ip link set v2 up
sysctl -w net.ipv4.ip_forward=3
ip netns exec blue sysctl -w net.ipv4.ip_forward=1
ip link set lo down
ip -n red link set v2 address 02:00:00:00:00:54
ip -n blue link add veth1 type veth peer name v2 netns blue
bridge fdb show
ip link set br1 name v%d
ip link set br1 netns red name br1
ip -n green link add veth%d type bridge
ip -n red -br link
ip -n blue route flush dev v3
ip link set v1 nomaster
ip -n blue -4 addr
ip netns exec red sysctl -w net.ipv4.ip_forward=1
ip -d link show v1
ip -n green link add type veth
ip netns exec green ifconfig v3
ip link set v3 netns blue name lo
ip -n green route del default
ip route
ip link set lo nomaster
ip route del 10.9.0.0/16
ip addr del 10.2.2.5/24 dev lo
ip -n green link add type bridge
ip -n green link add type veth
ip link set br0 nomaster
ip -n red link set v3 address 02:00:00:00:00:40
ip -n blue link set br1 up
ip -n blue route flush dev veth1
ip addr
ip -n blue link set veth2 netns blue name br0
ip -n green -o link
sysctl net.ipv4.conf.v1.forwarding
ip -n green addr
ip netns exec blue sysctl net.ipv4.conf.all.forwarding
ip -n green link add veth2 type veth peer netns green
ip addr add 10.1.1.9/16 dev lo
ip -n green link set dev v1 up
ip -n blue link set br0 address 02:00:00:00:00:66
ip link show v1
ip link set veth2 nomaster
ip route
ip link set br0 name veth%d
ip -n green -br link
ip netns exec blue ifconfig br1 down
ip addr
sysctl -w net.ipv4.ip_default_ttl=-1
ip link set v3 netns blue name v1
ip netns exec red ifconfig lo
ip -n blue link set br1 mtu 70000
ip -n green link add v2 type veth peer netns green
ip -n blue link set veth1 netns blue name veth2
ip addr add 10.2.1.4/24 brd + dev br0
ip -n red route show table all
ip link set veth0 netns red name veth0
ip -n green neigh del 10.0.1.8 dev v3
sysctl net.ipv4.ip_forward
ip -n blue link set veth1 netns blue name v0
ip -n blue addr add 10.0.0.2/24 brd + dev br1
ip neigh replace 10.2.2.4 lladdr 02:00:00:00:00:01 dev v1
ip -br link
ip -o link
ip link add v2 type veth peer netns blue
sysctl net.ipv4.conf.lo.forwarding
ip route add 10.7.0.0/16 dev v3
ip link add v0 type veth
ip -j route
ip route show table all
sysctl net.ipv4.conf.veth0.forwarding
ip -n red link set lo up
ip -n red link set veth0 netns red name veth1
ip -n red route add 10.9.0.0/16 dev veth2
ip netns list
ip -br addr
ip -n red link add br0 type veth
ip link add v3 type bridge
ip -n red -br link
ip -n green -br link
ip link show v0
ip route del 10.9.0.0/16
ip link set br0 netns red
ip neigh
ip netns exec red ifconfig v0 down
sysctl -w net.ipv4.conf.all.forwarding=2
ip -n green link add type bridge
ip addr add 10.1.0.3/32 dev lo
bridge -n blue fdb show
ip -n green addr flush dev veth2
ip link add type veth peer name v1
ip -n green route add 10.8.1.0/24 via 10.2.1.1
ip route add 10.9.0.0/16 via 10.1.1.9
ip link add type veth peer name veth2
ip -br link
ip -n green link set v2 name veth%d
ip link set v1 up
sysctl net.ipv4.conf.veth2.forwarding
ip -d link show v3
sysctl net.ipv4.conf.v3.forwarding
ip link set br0 netns green
ip -n green link add veth2 type veth peer name v1
ifconfig veth1 10.1.1.5/24
ip route add default via 10.1.0.1
ip link set dev v0 up
ip -n blue route flush dev veth1
ip -n blue link add type veth
ip route add default via 10.0.2.7
ip route replace 10.9.0.0/16 dev veth1 metric 1
ip link set lo down
