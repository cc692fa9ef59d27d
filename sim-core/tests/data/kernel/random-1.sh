# 220 random ip/bridge commands over three namespaces (seeded generator in /tmp, kept as data).
ip addr del 10.0.2.2/24 dev v0
ip link set br0 nomaster
ip route show table all
bridge -n blue link
ip route show table all
ip link
ip link set br0 netns blue
ip addr add 10.1.2.5/16 dev v1
ip link add br0 type veth peer name v0
ip -n green link set v3 down
ip link
ip netns del blue
ip addr add 10.2.0.9/24 dev br1
ip route add 10.9.0.0/16 via 10.2.0.4
ip netns add red
ip link show br1
ip -n red link set v1 master lo
ip -n green addr flush dev br0
ip netns add red
ip link add v3 type veth peer name br0
ip -d link show v0
ip -n red link del v2
ip -n red addr add 10.2.2.6/32 dev v1
ip -n blue route
ip neigh
ip link add br1 type veth peer name lo netns green
ip addr flush dev lo
ip netns add red
ip addr add 10.2.1.4/32 dev v1
ip -n green link add v1 type veth peer name v1 netns green
ip -n blue addr
ip netns add green
ip route show table all
ip netns del green
ip link show v0
ip -n green link show br0
ip -d link show br1
ip -n blue link add v0 type veth peer name br1 netns blue
ip route add default via 10.2.1.5
ip route
ip link add lo type bridge
ip -n blue neigh add 10.0.1.2 lladdr 02:00:00:00:00:09 dev lo
ip -n blue route add 10.7.0.0/16 dev v3
ip neigh
ip link set v1 mtu 65535
ip neigh del 10.1.2.4 dev v2
ip -j addr
ip link set v3 nomaster
ip addr flush dev lo
ip -n blue route del default
ip -n blue link set br1 name v3
ip -n green link set v0 name br1
ip -n blue route show table all
ip neigh
ip -n green addr
ip link add v0 type veth peer name v3 netns blue
ip netns list
ip netns add red
ip -n green route show table all
ip addr del 10.0.2.4/24 dev br1
bridge link
ip addr flush dev br0
ip link show v1
ip link set lo mtu 68
ip netns add blue
ip -n blue link set v1 nomaster
ip netns del red
ip -n blue link set v3 master v1
ip route
ip link set lo name v0
ip link set v0 down
ip netns del blue
bridge link
ip link set br1 down
ip link set lo nomaster
ip link set v2 netns blue
ip addr flush dev br0
ip netns add blue
ip netns add red
ip netns add blue
ip -n red route show table all
ip link set br0 name v0
ip -j addr
ip -j addr
ip -n green route
ip link del lo
ip link set v1 master br0
ip addr del 10.2.0.2/24 dev v0
ip -j addr
ip -j addr
ip link set br1 name br0
ip route show table all
ip -n green addr
ip link set br0 nomaster
ip -n blue link set br1 name br0
ip -n green addr flush dev br0
ip -n green link set v1 up
ip -j addr
ip -n green addr del 10.0.2.4/24 dev v3
ip -n green route
ip neigh del 10.0.0.4 dev br0
ip neigh
ip link del v3
ip -n red link set br1 master lo
ip route del 10.9.0.0/16
ip link
ip -n red link del v1
ip link set br1 down
ip netns add blue
ip netns del blue
ip -n green addr
ip neigh del 10.1.1.6 dev v1
ip -n blue neigh
ip link del v0
ip addr flush dev lo
ip netns add red
ip netns add green
ip -n red addr
ip -n green link add v1 type veth peer name br1
bridge -n green link
ip link add lo type veth peer name br1
ip -n green addr add 10.2.1.1/30 dev lo
ip -n blue route show table all
ip route
ip link set v2 name v2
ip link show br0
ip -j addr
ip -n blue addr
bridge link
ip -n blue link set br1 nomaster
ip -n red -d link show br1
ip link set v1 up
ip -n blue link add br1 type veth peer name v2
ip addr flush dev v1
ip link set v3 name v1
ip -n blue neigh del 10.0.0.7 dev v1
ip addr add 10.2.1.3/24 dev lo
ip netns add red
ip -d link show lo
ip link
ip -n blue addr del 10.1.2.1/24 dev lo
ip -n red link show v1
ip link set v2 down
ip link add v1 type veth peer name br1
ip link set lo nomaster
ip link set v3 master br0
ip -n blue addr flush dev v3
ip link set v0 nomaster
ip link set v2 name br1
ip netns add blue
bridge -n red link
ip route add 10.9.0.0/16 via 10.1.2.2
ip link set lo down
ip neigh
ip link add v2 type veth peer name v3 netns green
ip route del 10.9.0.0/16
ip addr add 10.2.2.7/32 dev br0
ip addr
ip -n red link set br0 name v3
ip -n red link set br0 up
ip link set v1 netns green
ip addr del 10.0.0.9/24 dev v0
bridge link
ip addr del 10.0.2.3/24 dev v0
ip netns add green
ip addr del 10.0.1.9/24 dev v2
ip link set v1 master v2
ip -n blue link del lo
ip -n blue link add br1 type veth peer name v2 netns blue
ip -n blue link set lo up
ip -n blue neigh
ip -n blue neigh
ip link set v2 nomaster
ip route add 10.7.0.0/16 dev br1
ip -n green addr add 10.0.2.2/24 dev v0
ip link set v3 master lo
ip link
ip route del default
ip link set br0 down
ip link show v1
ip -j addr
ip netns del green
ip -n blue link
ip -j addr
bridge -n red link
bridge -n red link
ip -n red neigh add 10.1.1.1 lladdr 02:00:00:00:00:09 dev v1
ip -n blue -d link show br1
ip -br link
ip addr flush dev v3
ip link set v1 down
ip addr del 10.2.1.9/24 dev v3
ip addr
ip -n blue link set br1 up
ip -n blue route show table all
ip neigh del 10.1.2.7 dev br0
ip neigh
ip link show v2
ip route
ip -n green route add 10.7.0.0/16 dev v2
ip -n red link add v1 type veth peer name lo
bridge link
ip -n blue link add br0 type veth peer name v2 netns blue
ip route add 10.9.0.0/16 via 10.1.2.7
ip link add v3 type veth peer name br0 netns red
ip route show table all
ip netns add green
ip -j addr
ip link show br0
ip netns del blue
ip addr del 10.0.2.3/24 dev br0
ip link add v2 type veth peer name v2
ip neigh add 10.2.2.4 lladdr 02:00:00:00:00:04 dev v3
ip netns add green
ip -j addr
ip -n blue link add lo type veth peer name v2 netns blue
ip -n green link set br1 up
ip -n red link
ip link add v1 type veth peer name v2
ip -n green -j addr
