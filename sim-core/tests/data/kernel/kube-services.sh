# The root namespace's bridge may send an IGMP report at any time (a 40-byte
# packet through nat OUTPUT and conntrack): nothing here lists nat OUTPUT's
# counters or the conntrack count.
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.244.0.1/24 dev br0
sysctl -w net.ipv4.ip_forward=1
ip netns add pod-a
ip netns add pod-b
ip link add va type veth peer name eth0 netns pod-a
ip link add vb type veth peer name eth0 netns pod-b
ip link set va master br0
ip link set vb master br0
ip link set va up
ip link set vb up
ip -n pod-a addr add 10.244.0.2/24 dev eth0
ip -n pod-b addr add 10.244.0.3/24 dev eth0
ip -n pod-a link set eth0 up
ip -n pod-b link set eth0 up
ip -n pod-a link set lo up
ip -n pod-b link set lo up
ip -n pod-a route add default via 10.244.0.1
ip -n pod-b route add default via 10.244.0.1
iptables -t nat -N KUBE-SERVICES
iptables -t nat -N KUBE-SVC-WEB
iptables -t nat -N KUBE-SEP-B
iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p icmp -m comment --comment "default/web cluster IP" -j KUBE-SVC-WEB
iptables -t nat -A KUBE-SVC-WEB -j KUBE-SEP-B
iptables -t nat -A KUBE-SEP-B -p icmp -j DNAT --to-destination 10.244.0.3
iptables -t nat -A POSTROUTING -s 10.244.0.0/24 ! -o br0 -j MASQUERADE
ip netns exec pod-a ping -c 2 -i 0.2 10.96.0.10
ping -c 1 10.96.0.10
ip netns exec pod-b ping -c 1 -W 1 10.96.0.10
iptables -t nat -L PREROUTING -n -v
iptables -t nat -L KUBE-SERVICES -n -v
iptables -t nat -L KUBE-SEP-B -n -v
iptables -t nat -S
ip link set vb type bridge_slave hairpin on
ip netns exec pod-b ping -c 1 -W 1 10.96.0.10
iptables -t nat -A POSTROUTING -s 10.244.0.3/32 -d 10.244.0.3/32 -j MASQUERADE
ip netns exec pod-b ping -c 1 -W 1 10.96.0.10
iptables -t nat -L POSTROUTING -n -v
