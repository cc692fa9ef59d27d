# `brd +` gives a broadcast address only to prefixes up to /30 (iproute2's
# ipaddr_modify()); a /31 or /32 gets none, which ifconfig shows as 0.0.0.0.
ip link add v0 type veth peer name v1
ip addr add 10.0.3.2/31 brd + dev v0
ip addr add 10.0.5.1/32 brd + dev v1
ip addr add 10.0.6.1/30 brd + dev v1
ip addr show
ifconfig -a
