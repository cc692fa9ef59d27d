ip link add v1 type veth peer name v2
ip link set v1 mtu 70000
ip link set v1 mtu 67
ip link set v1 mtu 68
ip link set v1 mtu 9000
ip link show v1
ip link set v1 name v2
ip link set v1 name averyveryverylongname
ip link set v1 address 01:00:00:00:00:01
ip link set v1 address zz
ip link set v1 address 02:00:00:00:00:01
ip link show v1
ip link add br0 type bridge
ip link set v1 master nosuch
ip link set v1 master v2
ip link set v1 master br0
ip link set br0 master br0
ip link add x type nosuchtype
ip link add type veth
ip link add v3 type veth peer
ip link add v3 type veth peer name
ip link del nosuch
ip link delete dev nosuch
ip link set dev nosuch up
ip link set nosuch up
ip link show dev nosuch
ip link foo
ip link
ip -j link show nosuch
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.1/24 dev v1
ip addr del 10.0.0.9/24 dev v1
ip addr del 10.0.0.1/24 dev v1
ip addr add 10.0.0.1/33 dev v1
ip addr add 10.0.0.1 dev v1
ip addr show v1
ip addr add dev v1
ip addr add 10.0.0.5/24
ip addr flush dev v1
ip addr flush dev nosuch
ip addr show nosuch
ip addr foo
ip a s v1
ip netns add a/b
ip netns add ""
ip netns del
ip netns exec
ip netns exec a
ip netns add red
ip netns exec red nosuchcmd
ip netns exec red ip link
ip netns identify
ip netns foo
ip -n nowhere link
ip -n red
ip -x link
ip
ip link set v1 up down
ip link set v1
ip link set
ip route add 10.9.0.0/16 dev nosuch
ip route add 10.9.0.0/16 dev v1
ip link set v1 up
ip route add 10.9.0.0/16 dev v1
ip route add 10.9.0.0/16 dev v1
ip route
ip route del 10.9.0.0/16
ip route del 10.9.0.0/16
ip route add default via 10.0.0.1
ip route add 1.2.3.4/33 dev v1
ip route add 10.8.0.0/16 via 10.0.0.2 dev v2
ip route add 10.8.0.0/16 via 10.5.0.2 dev v1 onlink
ip route
ip route replace 10.8.0.0/16 dev v1
ip route
ip route get 10.8.0.1
ip route flush dev v1
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v1
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v1
ip neigh show
ip neigh show dev v1
ip neigh del 10.0.0.7 dev v1
ip neigh del 10.0.0.7 dev v1
ip neigh add 10.0.0.8 dev v1
ip neigh
ip neigh flush dev v1
ip neigh
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward=0
sysctl -w net.ipv4.nosuch=1
sysctl net.ipv4.nosuch
sysctl -w net.ipv4.conf.v1.forwarding=1
sysctl net.ipv4.conf.all.forwarding
sysctl net.ipv4.conf.v1.proxy_arp net.ipv4.conf.v1.rp_filter
sysctl -w net.ipv4.ip_forward=abc
sysctl -w net.ipv4.ip_forward
bridge link
bridge foo
bridge fdb
