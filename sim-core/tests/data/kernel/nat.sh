# DNAT, SNAT (with and without ports), MASQUERADE --to-ports, nat counters (first packet of a connection only).
ip netns add client
ip netns add server
ip link add c0 netns client type veth peer name hc
ip link add s0 netns server type veth peer name hs
ip addr add 10.1.0.1/24 dev hc
ip addr add 192.168.7.1/24 dev hs
ip link set hc up
ip link set hs up
ip -n client addr add 10.1.0.2/24 dev c0
ip -n server addr add 192.168.7.2/24 dev s0
ip -n client link set c0 up
ip -n server link set s0 up
ip -n client link set lo up
ip -n server link set lo up
ip -n client route add default via 10.1.0.1
ip -n server route add default via 192.168.7.1
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 10.1.0.0/24 -o hs -j SNAT --to-source 192.168.7.1
iptables -t nat -L -n -v
ip netns exec client ping -c 3 -i 0.2 192.168.7.2
iptables -t nat -L -n -v
iptables -t nat -L POSTROUTING -n -v -x --line-numbers
ip netns exec client ping -c 1 192.168.7.2
iptables -t nat -L POSTROUTING -n -v
ip -n server neigh show dev s0
iptables -t nat -S
iptables -t nat -F POSTROUTING
iptables -t nat -A POSTROUTING -s 10.1.0.0/24 -o hs -j MASQUERADE
ip netns exec client ping -c 2 -i 0.2 192.168.7.2
iptables -t nat -L POSTROUTING -n -v
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 20000-30000
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 5000
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 20000-30000
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 192.168.7.1:1024-2048
iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 192.168.7.1-192.168.7.9
iptables -t nat -A POSTROUTING -j SNAT --to-source 192.168.7.1:1024
iptables -t nat -A POSTROUTING -j SNAT
iptables -t nat -S POSTROUTING
iptables -t nat -L POSTROUTING -n
iptables -t nat -L POSTROUTING
iptables -t nat -F
iptables -t nat -A PREROUTING -d 10.1.0.1 -p icmp -j DNAT --to-destination 192.168.7.2
iptables -t nat -A POSTROUTING -o hs -j MASQUERADE
ip netns exec client ping -c 2 -i 0.2 10.1.0.1
iptables -t nat -L -n -v
ip netns exec client ping -c 1 10.1.0.1
iptables -t nat -L PREROUTING -n -v
iptables -t nat -A PREROUTING -d 10.1.0.1 -p tcp --dport 8080 -j DNAT --to-destination 192.168.7.2:80
iptables -t nat -A PREROUTING -d 10.1.0.1 -p tcp --dport 8081 -j DNAT --to-destination 192.168.7.2:80-90
iptables -t nat -A PREROUTING -d 10.1.0.1 -p udp --dport 53 -j DNAT --to-destination 192.168.7.2
iptables -t nat -A PREROUTING -d 10.1.0.1 -j DNAT --to-destination 192.168.7.2:80
iptables -t nat -A PREROUTING -d 10.1.0.1 -j DNAT
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 192.168.7.2:80 --dport 99
iptables -t nat -A OUTPUT -d 10.5.5.5 -j DNAT --to-destination 192.168.7.2
ping -c 1 10.5.5.5
iptables -t nat -L OUTPUT -n -v
iptables -t nat -S
iptables -t nat -L -n
iptables -t nat -L
iptables-save -t nat
iptables-save
iptables -t nat -A INPUT -j SNAT --to-source 10.1.0.1
iptables -t nat -A OUTPUT -j SNAT --to-source 10.1.0.1
iptables -t nat -A POSTROUTING -j DNAT --to-destination 10.1.0.1
iptables -t nat -A PREROUTING -j MASQUERADE
iptables -t nat -A POSTROUTING -j DROP
iptables -t nat -A POSTROUTING -j REJECT
iptables -t filter -A INPUT -j DNAT --to-destination 10.1.0.1
iptables -t nat -P POSTROUTING DROP
iptables -t nat -S POSTROUTING
iptables -t nat -P POSTROUTING ACCEPT
iptables -t nat -Z
iptables -t nat -L -n -v
iptables -t nat -F
iptables -t nat -L -n -v
iptables -t mangle -S
iptables -t raw -S
iptables -t bogus -S
iptables -t nat -N KUBE-SVC
iptables -t nat -A PREROUTING -j KUBE-SVC
iptables -t nat -A KUBE-SVC -d 10.1.0.1 -p icmp -j DNAT --to-destination 192.168.7.2
ip netns exec client ping -c 1 10.1.0.1
iptables -t nat -L -n -v
iptables-save -t nat
