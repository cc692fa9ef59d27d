# The commands of content/04-calico-proxy-arp.md, in order (Calico's pure L3 pods: no address on the host ends, 169.254.1.1 answered by proxy ARP).
ip netns add upstream
ip link add eth0 type veth peer name wan0 netns upstream
ip -n upstream addr add 192.168.1.1/24 dev wan0
ip -n upstream link set wan0 up
ip addr add 192.168.1.100/24 dev eth0
ip link set eth0 up
ip route add default via 192.168.1.1
ip route
ip netns add web
ip netns add db
ip link add calia1b2 type veth peer name eth0 netns web
ip link add calic3d4 type veth peer name eth0 netns db
ip link set calia1b2 up
ip link set calic3d4 up
ip -n web addr add 10.244.1.5/32 dev eth0
ip -n web link set eth0 up
ip -n db addr add 10.244.1.6/32 dev eth0
ip -n db link set eth0 up
ip link show type veth
ip -n web route add 169.254.1.1 dev eth0 scope link
ip -n web route add default via 169.254.1.1 dev eth0
ip -n db route add 169.254.1.1 dev eth0 scope link
ip -n db route add default via 169.254.1.1 dev eth0
ip -n web route
ip netns exec web ping -c 1 -W 4 10.244.1.6
ip -n web neigh
ip route add 10.244.1.5 dev calia1b2 scope link
ip route add 10.244.1.6 dev calic3d4 scope link
sysctl -w net.ipv4.conf.calia1b2.proxy_arp=1
sysctl -w net.ipv4.conf.calic3d4.proxy_arp=1
sysctl -w net.ipv4.neigh.calia1b2.proxy_delay=0
sysctl -w net.ipv4.neigh.calic3d4.proxy_delay=0
sysctl -w net.ipv4.ip_forward=1
ip netns exec web ping -c 2 10.244.1.6
ip -n web neigh
ip link show calia1b2
ip neigh show dev calia1b2
ip route | grep cali
ip route get 10.244.1.6
ip netns exec web ping -c 1 -W 1 192.168.1.1
ip -n upstream route add 10.244.1.0/24 via 192.168.1.100
ip netns exec web ping -c 2 192.168.1.1
ip -n upstream route
