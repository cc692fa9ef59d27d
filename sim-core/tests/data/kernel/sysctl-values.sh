# sysctl writes of values other than 0 and 1: what the kernel keeps, what
# procps prints, and what a later read shows.
ip link add v0 type veth peer name v1
sysctl -w net.ipv4.ip_forward=2
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.v0.forwarding
sysctl -w net.ipv4.ip_forward=-1
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding
sysctl -w net.ipv4.ip_forward=0
sysctl -w net.ipv4.conf.all.forwarding=7
sysctl net.ipv4.ip_forward net.ipv4.conf.lo.forwarding
sysctl -w net.ipv4.conf.all.forwarding=0
sysctl -w net.ipv4.conf.v0.forwarding=5
sysctl net.ipv4.conf.v0.forwarding net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=x
sysctl -w net.ipv4.ip_forward=
sysctl -w net.ipv4.ip_forward=1x
sysctl -w net.ipv4.ip_forward=" 1"
sysctl -w net.ipv4.ip_forward="1 "
sysctl -w net.ipv4.ip_forward="1 0"
sysctl -w net.ipv4.ip_forward=+1
sysctl -w net.ipv4.ip_forward=0x1
sysctl -w net.ipv4.ip_forward=01
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=010
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=08
sysctl -w net.ipv4.ip_forward=0x
sysctl -w net.ipv4.ip_forward=-
sysctl -w net.ipv4.ip_forward=2147483647
sysctl -w net.ipv4.ip_forward=-2147483648
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=2147483648
sysctl -w net.ipv4.ip_forward=-2147483649
sysctl -w net.ipv4.ip_forward="3 4"
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=4294967296
sysctl -w net.ipv4.ip_forward=99999999999999999999
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward = 1
sysctl -w net.ipv4.ip_forward =1
sysctl -w net.ipv4.ip_forward= 1
sysctl -w "net.ipv4.ip_forward = 0"
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.conf.all.rp_filter=2
sysctl -w net.ipv4.conf.all.rp_filter=3
sysctl -w net.ipv4.conf.all.rp_filter=-1
sysctl net.ipv4.conf.all.rp_filter
sysctl -w net.ipv4.conf.v0.rp_filter=200
sysctl net.ipv4.conf.v0.rp_filter
sysctl -w net.ipv4.conf.v0.proxy_arp=5
sysctl net.ipv4.conf.v0.proxy_arp
sysctl -w net.ipv4.conf.v0.proxy_arp=-3
sysctl net.ipv4.conf.v0.proxy_arp
sysctl -w net.ipv4.conf.default.proxy_arp=2
sysctl net.ipv4.conf.default.proxy_arp
sysctl -w net.ipv4.ip_default_ttl=300
sysctl -w net.ipv4.ip_default_ttl=0
sysctl -w net.ipv4.ip_default_ttl=255
sysctl -w net.ipv4.ip_default_ttl=1
sysctl -w net.ipv4.ip_default_ttl=-1
sysctl net.ipv4.ip_default_ttl
sysctl -w net.ipv4.ip_default_ttl=64
ip netns add ns1
ip netns exec ns1 sysctl -w net.ipv4.neigh.default.gc_thresh1=64
ip netns exec ns1 sysctl net.ipv4.neigh.default.gc_thresh1 net.ipv4.neigh.default.gc_thresh2 net.ipv4.neigh.default.gc_thresh3
ip netns exec ns1 sysctl -w net.ipv4.neigh.default.proxy_delay=-1
ip netns exec ns1 sysctl net.ipv4.neigh.default.proxy_delay net.ipv4.neigh.lo.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=25
sysctl net.ipv4.neigh.v0.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=1
sysctl net.ipv4.neigh.v0.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=3
sysctl net.ipv4.neigh.v0.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=-1
sysctl net.ipv4.neigh.v0.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=0x10
sysctl net.ipv4.neigh.v0.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=2147483647
sysctl net.ipv4.neigh.v0.proxy_delay
sysctl -w net.ipv4.neigh.v0.proxy_delay=0
sysctl -w net.ipv4.ip_forward=1 net.ipv4.conf.v0.proxy_arp=1
sysctl -w net.ipv4.ip_forward=0 net.ipv4.nosuch=1 net.ipv4.conf.v0.proxy_arp=0
sysctl net.ipv4.ip_forward net.ipv4.conf.v0.proxy_arp
sysctl -w net.ipv4.ip_forward=1 net.ipv4.ip_default_ttl=999 net.ipv4.conf.v0.proxy_arp=1
sysctl -q -w net.ipv4.ip_forward=0
sysctl -n net.ipv4.ip_forward
sysctl -n -w net.ipv4.ip_forward=1
sysctl -n net.ipv4.ip_forward net.ipv4.nosuch
sysctl -e -w net.ipv4.nosuch=1
sysctl -e net.ipv4.nosuch net.ipv4.ip_forward
sysctl -w x
sysctl -w '#x'
sysctl -w = =1
sysctl -w net.ipv4.ip_forward=1 x
sysctl add add net.ipv4.ip_default_ttl=300
sysctl name net.ipv4.ip_default_ttl=300
sysctl -e net.ipv4.nosuch
sysctl -w net/ipv4/ip_forward=1
sysctl net/ipv4/ip_forward
sysctl -w net.ipv4.ip_forward
sysctl -w =1
sysctl -w net.ipv4.conf.nosuch.forwarding=1
sysctl -w net.ipv4.route.flush=1
sysctl -w net.ipv4.route.flush=x
