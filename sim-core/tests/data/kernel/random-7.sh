# random-scenario.py 7 400: generated; recorded on a real kernel
ip route replace 10.9.0.0/16 dev v2 metric 1
ip -n red -o link
sysctl net.ipv4.conf.veth2.proxy_arp
ip netns add green
sysctl -w net.ipv4.ip_default_ttl=
ip route
ip link add type veth peer name br0
ip link add br1 type veth peer netns green
ip -n red route show table all
ip -n red link del lo
ip -br link
ip neigh
ip route add 10.7.0.0/16 dev veth0
ifconfig v1 down
ip -n blue link add v%d type bridge
ip link set v2 name v3
ip -n blue link set v3 nomaster
ip route show table local
ip link show v3
ip link add v3 type veth
ip -n blue link set br0 netns blue name veth0
ip route add 10.7.0.0/16 dev veth1
bridge fdb show
ip -n blue route add 10.9.0.0/16 via 10.1.2.7
ip -br link
ip link add veth0 type veth
ip route show table local
ip -o link
ip link set lo netns red
ip -n blue route
ip -n red link show v0
ip -n green addr add 10.1.0.3/24 brd + dev v3
ifconfig v1
sysctl -w net.ipv4.ip_forward=1
ip route show table all
bridge fdb show
ip route show table local
ip -br link
ip -j route
sysctl -w net.ipv4.ip_default_ttl=255
ip link set v2 name v%d
ip netns add blue
ip -n blue route del default
ip link del veth1
ip link set v3 master veth0
ip link set v0 mtu 65535
ip -br link
ip -n red link set veth0 netns red name v2
ifconfig v3
ip -br link
ip -n green link add type bridge
ip -br link
ip addr del 10.1.1.4/24 dev lo
ip -j addr
ip route
ip link add type veth peer name br1
ip -br link
ip -d link show veth1
ip -n red neigh del 10.1.1.9 dev v1
ip -n red addr flush dev v0
ip -n blue link set veth2 name v%d
ip -n blue link add type bridge
ip link add br0 type veth
ip link set br0 address 02:00:00:00:00:45
ip link set br1 name veth%d
ip route replace 10.7.0.0/16 dev v2 metric 3
ip -4 addr
ip -n green link set veth0 nomaster
bridge fdb show
ip -n blue link show type veth
ip link set veth1 name veth%d
ip -n blue link add v2 type veth peer netns blue
ip -n green route add 10.9.0.0/16 dev veth0
ip link del v2
ip link set v0 name v%d
ip -n blue addr add 10.2.2.1/31 dev veth0
ip -n red link add v1 type veth peer name veth2
ip addr add 10.2.1.3/24 brd + dev br1
ip netns list
sysctl net.ipv4.conf.br1.rp_filter
ip link show type veth
ip -n blue link set dev v0 up
sysctl -w net.ipv4.ip_forward=x
ip -j addr
ip addr del 10.0.1.1/24 dev v1
ip link add veth1 type bridge
ip link add br0 type veth
ip netns list
ip -n green link set veth2 address 02:00:00:00:00:63
ip link add type veth peer name v2
ip -n red addr add 10.1.0.3/24 brd + dev veth1
ip route del 10.7.0.0/16
ip neigh del 10.0.1.8 dev br1
ip addr del 10.2.0.8/24 dev br0
ip -n blue link add veth1 type veth peer netns blue
sysctl net.ipv4.conf.v3.rp_filter
ip netns list
ip -n red link add veth2 type veth peer netns red
ip -n red route show table local
ip -n green link set lo netns green name br1
ip -n green link set veth0 netns green name veth0
ip -n blue link add type veth peer name veth1
sysctl net.ipv4.conf.br1.forwarding
ip -4 addr
ip -d link show br0
ip route add 10.7.0.0/16 dev v0
ip -n green neigh
ip -n red link set veth1 name v0
ip link add type bridge
ip route add default via 10.1.2.1
ip addr add 10.1.2.2/32 dev veth2
ip link del v2
sysctl net.ipv4.ip_forward
ip -n blue link set dev veth0 up
ip link show veth0
ip link add br%d type bridge
ip link add type bridge
ip -n blue link set br0 name v%d
ip -n green route flush dev veth2
ip -n green link set v0 address 02:00:00:00:00:19
ip addr add 10.0.0.4/24 brd + dev br0
ip -n red route show table local
ip -n blue -br link
ip addr add 10.1.0.5/16 dev v2
ip link add veth2 type veth
ip -n blue link add v3 type veth peer netns blue
ip -n red link set v1 netns red name v2
ip link set v0 netns red
ip netns list
ip -n red -4 addr
ip -n red link set veth0 name veth%d
ip link
ip link set br1 nomaster
ip netns exec red sysctl net.ipv4.conf.v3.proxy_arp
sysctl net.ipv4.conf.v1.proxy_arp
ip link add type bridge
ip -n green link set veth2 master br0
ip link set veth1 netns blue name br0
ip link add veth%d type bridge
ifconfig v3 down
ip -n green link set v1 netns green name lo
ip -n blue link add br1 type veth peer netns blue
sysctl -w net.ipv4.ip_default_ttl=3
ip -n green neigh replace 10.0.0.6 lladdr 02:00:00:00:00:01 dev br0
ip link set veth1 name v1
ip netns add green
ip link add veth1 type veth peer netns green
ip -n blue link add v0 type veth peer netns blue
ip -n blue link
ifconfig v3 down
ip -j addr
ip netns exec green sysctl net.ipv4.conf.v3.forwarding
ip -n green -br addr
ip netns del red
ip netns del red
ip route show table all
ip -n red link set v3 netns red
ip addr
ip route show table local
ip link add type veth peer name veth1
ip netns exec blue sysctl net.ipv4.conf.v3.proxy_arp
ip link set v0 netns green name veth2
ip -n green link add type bridge
sysctl -w net.ipv4.conf.br1.rp_filter=-1
ip -n green link add v%d type bridge
ip -n red link set br0 netns red name veth1
ip -n red route replace 10.9.0.0/16 dev veth0 metric 2
ip route replace 10.9.0.0/16 dev br1 metric 3
ip link set br0 address 02:00:00:00:00:78
ip -n blue link add v0 type veth peer netns blue
ip link set veth0 name br0
ip route replace 10.7.0.0/16 dev v0 metric 0
ip link add veth%d type bridge
ip link set veth1 master veth1
ip -n green -br link
ip netns list
ip -n blue link add veth%d type bridge
ip link add v3 type veth peer name v3 netns red
ip -n red link add type veth peer name v1
ip link add lo type veth peer name veth0 netns blue
ip -n red link set dev veth2 up
ip -n red link add veth0 type bridge
ip -n red link add veth1 type veth peer name v3
ip -n blue link show lo
ip -j netns
ip link set br0 up
sysctl net.ipv4.ip_forward
ip link set v0 mtu 68
ip -n green link add veth2 type veth peer name veth1 netns green
ip -n red -br link
ip -n blue link add type bridge
ip link set br0 name br0
ip link set veth2 name veth%d
ip -n blue -br link
ip link add type veth
sysctl -w net.ipv4.ip_forward=x
ip route show table local
ip netns del blue
ip -n red -br link
ip -o link
ip link set v3 name br0
ip link add type veth peer name v0
ip link show type veth
ip -n red route add 10.9.0.0/16 dev veth2
bridge -n red link
bridge fdb show
ip link set v2 netns green name br1
ip link set lo mtu 68
ip -n red link add type veth
ifconfig veth2 down
ip -n red link set br0 up
ip -n blue link show type veth
ip -n red -br link
sysctl net.ipv4.conf.all.forwarding
ip link add br%d type bridge
ip link add br0 type veth
ip route
ip neigh del 10.2.2.3 dev lo
ip link add lo type veth peer name v2 netns green
ip netns list
ip link set dev lo up
ip -n green link add type bridge
ip link set v1 up
ip -n green link set dev v0 up
ip -n green -d link show v3
ip link set veth1 nomaster
sysctl net.ipv4.conf.all.forwarding
ip -n green -br link
sysctl net.ipv4.conf.v2.forwarding
sysctl net.ipv4.conf.v0.forwarding
ip -n green link add type veth peer name v3
ip netns del blue
ip -n red link del v0
ip -o link
ip link set dev veth2 up
ip -n blue link set v3 master v2
ip link add type bridge
ip -n red neigh del 10.0.2.8 dev veth0
ip link set veth0 mtu 1400
ip link add type veth peer name v1
ip netns exec blue ifconfig br1
ip link set v3 nomaster
ip link add v2 type bridge
ip -n red link set veth2 nomaster
ip link add veth%d type bridge
ip -j addr
ip link add type veth peer name veth2
ip -n red route add default via 10.0.1.6
ip -n blue link set v3 mtu 67
ip -4 addr
sysctl net.ipv4.conf.v0.forwarding
ip -n blue -br link
sysctl -w net.ipv4.ip_forward=
ip netns list
bridge link
ip link add type veth
ip route flush dev veth2
ip -n red link show type veth
ip -n green link add type veth peer name veth2
ip -n red -j addr
ip -j addr
ip route add 10.9.0.0/16 via 10.0.2.2
ip -n blue link del br1
bridge link
ip route add 10.9.0.0/16 via 10.2.1.9
ip addr del 10.1.0.2/24 dev lo
ip -n red link del v2
bridge -n green link
ip -br addr
ip link set v1 netns red name veth2
ip -n blue -br link
ip addr flush dev v3
ip -n green link set br0 nomaster
ip link show br1
ip -n green link set v3 netns green name veth0
ip link add type bridge
ip -n red link
ip link set dev v1 up
ip -br addr
ip -n green link add v2 type veth peer name v0
ip route add 10.8.1.0/24 via 10.1.1.1
ip -n green link set dev v0 up
ip addr flush dev v2
ip link add type veth
ip link add type veth
ip netns exec red sysctl net.ipv4.ip_forward
ip -n red link add lo type veth peer netns red
ip -n red link add type veth
ip -n green link set veth0 address 02:00:00:00:00:27
ip route add 10.9.0.0/16 dev lo
ip addr add 10.1.1.8/24 brd + dev br0
ip route add 10.8.1.0/24 via 10.1.2.2
ip -j route
ip link set lo netns blue name v1
ip -n red link set br0 netns red name v0
ip route replace 10.9.0.0/16 dev v3 metric 3
ip -n green link add v1 type veth peer netns green
ip link add veth%d type bridge
ip link add v%d type bridge
ip -n red -j addr
ip link set dev veth1 up
ip addr
ip link del br1
ip netns exec blue sysctl -w net.ipv4.conf.veth0.rp_filter=-1
ip route add 10.9.0.0/16 dev lo
ip addr
ip link show v3
ifconfig v0 down
ip link add br%d type bridge
ifconfig lo down
ip netns list
ip link set v0 netns green name v1
ip link set dev br1 up
ip link add br%d type bridge
ip -j route
ip -n red route show table all
sysctl net.ipv4.conf.br1.proxy_arp
ip -n green addr add 10.2.1.3/24 brd + dev v3
ip -n blue link add lo type veth peer name v1
ip link add v3 type veth peer netns red
sysctl -w net.ipv4.ip_forward=0
ip route del 10.9.0.0/16
ip -n green link set v1 name veth%d
ip -n blue link show veth1
ifconfig v1 down
ip link add v1 type veth
ip -n blue link set br1 up
ip neigh add 10.2.2.2 lladdr 02:00:00:00:00:02 dev veth2
ip -n red -br addr
ip -n green -br link
ip netns add blue
sysctl net.ipv4.ip_default_ttl
ip -n blue link set lo netns blue name br1
ip -o link
ip -o link
ip -n red link add veth2 type veth peer netns red
ip -j netns
ip link show v1
ip link set dev veth1 up
sysctl -w net.ipv4.ip_default_ttl=x
ip -n red link add lo type veth peer name lo netns red
ip route
ip addr
ip addr
ip -n blue route show table local
ip link del veth0
ip -n red neigh
ip link show veth1
ip -j netns
ip addr show dev br1
ip -n red link set v3 netns red name br0
ip -n green link set v3 mtu 70000
ip netns add green
ip link add br0 type veth peer netns green
ip -n green link add v1 type veth
ip -n green link add type veth peer name br0
ip -n blue link add veth%d type bridge
ip -n green route add 10.9.0.0/16 dev v0
ip netns exec green sysctl net.ipv4.ip_forward
ip -j route
ip -n red route flush dev v1
ip -n green -4 addr
ip netns exec red sysctl -w net.ipv4.ip_forward=
ip link set v1 address 02:00:00:00:00:42
ip addr add 10.0.1.1/8 dev br1
sysctl -w net.ipv4.ip_default_ttl=256
ip link set veth0 nomaster
ip link add type bridge
ip link add v2 type veth
ip route
ip netns exec blue sysctl -w net.ipv4.conf.all.forwarding=256
ip link set veth0 netns green name veth0
ip -n red link add veth0 type veth peer netns red
ip -n green link set veth0 name veth%d
ip addr add 10.2.0.2/16 dev v1
ip -n blue route flush dev veth1
ip -n blue addr add 10.1.1.8/32 dev lo
ip -n green -br link
ip link
ip netns list
ip -n red link set br0 name veth%d
ip link add v3 type veth peer netns red
ip -n green link set br1 name v%d
ip -n red link
ip -n blue link set veth1 name v%d
ip neigh add 10.2.2.1 lladdr 02:00:00:00:00:01 dev v3
ip link del v2
ip link add br%d type bridge
ip -br link
ip link set v2 up
ifconfig lo down
ip addr flush dev br0
ip link set dev lo up
ip -n red link add veth2 type veth peer netns red
ip -n blue link set veth2 netns blue name v0
ip neigh del 10.2.0.5 dev v0
ifconfig veth0 down
ip link set dev veth2 up
ip netns list
sysctl net.ipv4.ip_default_ttl
