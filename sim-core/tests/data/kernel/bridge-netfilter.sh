# Two pods on one bridge under br_netfilter: which chains see bridged frames, per value of the sysctl.
ls /proc/sys/net/bridge/
sysctl net.bridge.bridge-nf-call-iptables
sysctl net.bridge.bridge-nf-call-ip6tables net.bridge.bridge-nf-call-arptables
ip link add br0 type bridge
ip link set br0 up
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
ip netns exec pod-a ping -c 2 -i 0.2 10.244.0.3
iptables -L FORWARD -n -v
iptables -t nat -L -n -v
sysctl net.ipv4.ip_forward
iptables -A FORWARD -s 10.244.0.2 -j ACCEPT
iptables -A FORWARD -s 10.244.0.3 -j ACCEPT
ip netns exec pod-a ping -c 2 -i 0.2 10.244.0.3
iptables -L FORWARD -n -v
iptables -L FORWARD -v
iptables -A FORWARD -m physdev --physdev-in va -j ACCEPT
iptables -A FORWARD -m physdev --physdev-is-bridged -j ACCEPT
iptables -A FORWARD -m physdev --physdev-out vb --physdev-is-out -j ACCEPT
iptables -A FORWARD -i br0 -o br0 -j ACCEPT
iptables -Z
ip netns exec pod-a ping -c 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -S FORWARD
iptables -L FORWARD
sysctl -w net.bridge.bridge-nf-call-iptables=0
sysctl net.bridge.bridge-nf-call-iptables
cat /proc/sys/net/bridge/bridge-nf-call-iptables
iptables -Z
ip netns exec pod-a ping -c 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -I FORWARD -j DROP
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
sysctl -w net.bridge.bridge-nf-call-iptables=1
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -P FORWARD DROP
iptables -D FORWARD 1
iptables -Z
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -F FORWARD
iptables -Z
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
iptables -A FORWARD -s 10.244.0.2 -d 10.244.0.3 -j ACCEPT
ip netns exec pod-a ping -c 2 -i 0.2 10.244.0.3
ip netns exec pod-b ping -c 1 -W 1 10.244.0.2
iptables -L FORWARD -n -v
iptables -P FORWARD ACCEPT
iptables -F FORWARD
iptables -Z
ip addr add 10.244.0.1/24 dev br0
ip netns exec pod-a ping -c 1 10.244.0.1
iptables -L INPUT -n -v | grep -v policy
iptables -A INPUT -s 10.244.0.2 -j REJECT
ip netns exec pod-a ping -c 1 -W 1 10.244.0.1
iptables -L INPUT -n -v | grep -v policy
iptables -F INPUT
iptables -A FORWARD -s 10.244.0.2 -d 10.244.0.3 -j REJECT
ip netns exec pod-a ping -c 1 -W 1 10.244.0.3
iptables -L FORWARD -n -v
iptables -F FORWARD
iptables -t nat -A PREROUTING -d 10.96.0.10 -p icmp -j DNAT --to-destination 10.244.0.3
ip -n pod-a route add default via 10.244.0.1
ip netns exec pod-a ping -c 2 -i 0.2 10.96.0.10
iptables -t nat -L PREROUTING -n -v
sysctl -w net.ipv4.ip_forward=1
ip netns exec pod-a ping -c 2 -i 0.2 10.96.0.10
iptables -t nat -L -n -v
iptables -t nat -Z
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec pod-a ping -c 1 -W 1 10.96.0.10
iptables -t nat -L PREROUTING -n -v
ip netns exec pod-b sysctl net.bridge.bridge-nf-call-iptables
ip netns exec pod-b ls /proc/sys/net/bridge/
