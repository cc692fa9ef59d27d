# The commands of content/05-firewall.md, in order, then a look around.
ip netns add app
ip netns add router
ip netns add db
ip link add eth0 netns app type veth peer name to-app netns router
ip link add eth0 netns db type veth peer name to-db netns router
ip -n app addr add 10.1.0.2/24 dev eth0
ip -n db addr add 10.2.0.2/24 dev eth0
ip -n router addr add 10.1.0.1/24 dev to-app
ip -n router addr add 10.2.0.1/24 dev to-db
ip -n app link set eth0 up
ip -n db link set eth0 up
ip -n router link set to-app up
ip -n router link set to-db up
ip -n app route add default via 10.1.0.1
ip -n db route add default via 10.2.0.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec app ping -c 1 10.2.0.2
ip netns exec router iptables -P FORWARD DROP
ip netns exec app ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -A FORWARD -s 10.1.0.0/24 -d 10.2.0.0/24 -j ACCEPT
ip netns exec app ping -c 1 -W 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n
ip netns exec router iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec app ping -c 2 10.2.0.2
ip netns exec db ping -c 1 -W 1 10.1.0.2
ip netns exec router iptables -L FORWARD -v -n --line-numbers
ip netns exec router iptables -Z FORWARD
ip netns exec app ping -c 1 10.2.0.2
ip netns exec router iptables -L FORWARD -v -n --line-numbers
ip netns exec router iptables -A INPUT -i to-app -j REJECT
ip netns exec app ping -c 1 10.1.0.1
ip netns exec app ping -c 1 10.2.0.2
ip netns exec router iptables -S
ip netns exec router iptables -L -v -n
ip netns exec db ping -c 1 -W 1 10.1.0.1
ip netns exec router iptables -L INPUT -v -n --line-numbers
ip netns exec router iptables -D INPUT 1
ip netns exec app ping -c 1 10.1.0.1
