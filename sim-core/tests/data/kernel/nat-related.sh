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
ip -n server addr add 192.168.7.3/24 dev s0
ip -n client link set c0 up
ip -n server link set s0 up
ip -n client link set lo up
ip -n server link set lo up
ip -n client route add default via 10.1.0.1
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec server sysctl -w net.ipv4.icmp_ratelimit=0
ip netns exec server sysctl -w net.ipv4.ip_forward=1
ip netns exec server ip route add 10.7.0.0/24 via 192.168.7.1
ip route add 10.7.0.0/24 via 192.168.7.2
iptables -t nat -A POSTROUTING -o hs -j MASQUERADE
ip netns exec client ping -c 1 -W 1 -t 2 10.7.0.5
ip netns exec server iptables -A INPUT -d 192.168.7.3 -j REJECT --reject-with icmp-host-prohibited
ip netns exec client ping -c 1 -W 1 192.168.7.3
iptables -A FORWARD -m conntrack --ctstate RELATED -j ACCEPT
iptables -A FORWARD -p icmp --icmp-type echo-request -j ACCEPT
iptables -A FORWARD -p icmp --icmp-type echo-reply -j ACCEPT
iptables -P FORWARD DROP
ip netns exec client ping -c 2 -i 0.2 192.168.7.2
ip netns exec client ping -c 1 -W 1 192.168.7.3
ip netns exec client ping -c 1 -W 1 -t 2 10.7.0.5
iptables -L FORWARD -n -v
iptables -t nat -L POSTROUTING -n -v
sysctl net.netfilter.nf_conntrack_count
iptables -t nat -A OUTPUT -d 10.96.0.1 -j DNAT --to-destination 192.168.7.2
ip route add 10.96.0.0/24 via 192.168.7.2
ping -c 1 10.96.0.1
iptables -t nat -L OUTPUT -n -v
iptables -t nat -A INPUT -s 10.1.0.2 -j SNAT --to-source 10.1.0.99
ip netns exec client ping -c 1 10.1.0.1
iptables -t nat -L INPUT -n -v
cat /proc/net/nf_conntrack | wc -l
ip netns exec client ping -c 1 10.1.0.1
iptables -t nat -L INPUT -n -v
iptables -D FORWARD 2
iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
iptables -I FORWARD -p icmp ! --icmp-type echo-request -m conntrack --ctstate NEW
ip netns exec client ping -c 1 -W 1 192.168.7.2
iptables -L FORWARD -n -v --line-numbers
