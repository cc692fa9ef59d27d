# More ping corners: localhost, size limits, source address, ttl, deadline, interrupted count-less ping.
ip link set lo up
ping -c 1 localhost
ping -c 1 -s 70000 127.0.0.1
ping -c 1 -s 65507 127.0.0.1
ping -c 1 -I 127.0.0.1 127.0.0.1
ping -c 1 -I 10.9.9.9 127.0.0.1
ping -c 1 -I lo 127.0.0.1
ping -c 2 -w 1 127.0.0.1
ping -c 1 -t 1 127.0.0.1
ping -c 1 -n 127.0.0.1
ip netns add r
ip netns add far
ip link add vh type veth peer name vr netns r
ip link add vq type veth peer name vz
ip link set vq netns r
ip link set vz netns far
ip addr add 10.1.0.1/24 dev vh
ip link set vh up
ip -n r addr add 10.1.0.2/24 dev vr
ip -n r addr add 10.2.0.1/24 dev vq
ip -n r link set vr up
ip -n r link set vq up
ip -n far addr add 10.2.0.2/24 dev vz
ip -n far link set vz up
ip -n far route add default via 10.2.0.1
ip route add 10.2.0.0/24 via 10.1.0.2
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ping -c 1 -t 1 10.2.0.2
ping -c 3 -i 0.2 10.2.0.2
ip -n far route del default
ping -c 3 -i 0.2 10.2.0.2
ip -n far route add default via 10.2.0.1
ip -s link show vh
ip neigh
ip -n r neigh
ip -n far neigh
ip -n far link set vz down
ping -c 2 10.2.0.2
ip -n r neigh
ip route get 10.2.0.2
ip route add unreachable 10.3.0.0/16
ip route get 10.3.0.1
ping -c 1 10.3.0.1
ip route add blackhole 10.4.0.0/16
ip route get 10.4.0.1
ping -c 1 10.4.0.1
ip route add prohibit 10.5.0.0/16
ip route get 10.5.0.1
ping -c 1 10.5.0.1
iptables -t nat -A POSTROUTING -p icmp -o vh -j MASQUERADE
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE
iptables -t nat -S
iptables -t nat -L -n
iptables -t nat -L -n -v
ping -c 1 -W 1 10.2.0.2
iptables -t nat -L POSTROUTING -n -v
iptables -t nat -L POSTROUTING -v
