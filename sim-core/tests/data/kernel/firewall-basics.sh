ip link set lo up
ip netns add peer
ip link add h0 type veth peer name p0 netns peer
ip addr add 10.9.0.1/24 dev h0
ip link set h0 up
ip -n peer addr add 10.9.0.2/24 dev p0
ip -n peer link set p0 up
ip -n peer link set lo up
iptables -P INPUT DROP
ping -c 1 -W 1 127.0.0.1
ping -c 1 -W 1 10.9.0.1
ping -c 1 -W 1 10.9.0.2
iptables -L INPUT -v -n
iptables -A INPUT -i lo -j ACCEPT
ping -c 1 127.0.0.1
ping -c 1 10.9.0.1
iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ping -c 2 -i 0.2 10.9.0.2
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -A INPUT -s 10.9.0.2 -p icmp --icmp-type echo-request -j ACCEPT
ip netns exec peer ping -c 1 10.9.0.1
iptables -L INPUT -v -n --line-numbers
iptables -P OUTPUT DROP
ping -c 1 -W 1 10.9.0.2
ip netns exec peer ping -c 1 -W 1 10.9.0.1
iptables -A OUTPUT -o lo -j ACCEPT
iptables -A OUTPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT
ip netns exec peer ping -c 1 10.9.0.1
ping -c 1 -W 1 10.9.0.2
ping -c 1 127.0.0.1
iptables -L OUTPUT -v -n
iptables -A OUTPUT -d 10.9.0.2 -j REJECT
ping -c 1 -W 1 10.9.0.2
iptables -L OUTPUT -v -n
iptables -P INPUT ACCEPT
iptables -P OUTPUT ACCEPT
iptables -F
iptables -N FROM-PEER
iptables -A INPUT -i h0 -j FROM-PEER
iptables -A FROM-PEER -p icmp --icmp-type echo-request -j LOG --log-prefix "ping-in: "
iptables -A FROM-PEER -p icmp --icmp-type echo-request -m conntrack --ctstate NEW -j REJECT --reject-with icmp-admin-prohibited
ip netns exec peer ping -c 2 -i 0.2 10.9.0.1
iptables -L FROM-PEER -v -n
iptables -L INPUT -v -n
ping -c 1 10.9.0.2
iptables -S
sysctl net.netfilter.nf_conntrack_count
