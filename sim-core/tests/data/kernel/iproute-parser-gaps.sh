# What iproute2 says where sim-core's `ip` parser does not yet (each line is
# a known gap, for the iproute/ parsers).
ip link add v0 type veth peer name v1
ip link add tap1 type veth peer peer name tap2
ip link add type veth peer name name v9
ip link x v9 type veth peer name v1
ip x route show table local
ip -n
ip -n . link set lo mtu 1400
ip link set v0 txqueuelen 0
ip link show v0
ip -br link
