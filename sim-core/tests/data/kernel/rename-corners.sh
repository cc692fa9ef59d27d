# Renames: lo, ports and bridges, to names in use, empty, bad templates.
ip link set lo name lo2
ip link show
ip link set lo2 name lo
ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip link set v0 name p0
ip link set br0 name b0
ip -br link
bridge link
ip link add b0 type veth peer name v9
ip link add v8 type veth peer name b0
ip netns add n1
ip link set v1 netns n1 name lo
ip -n n1 -br link
ip link set v1 netns n1 name "a b"
ip link set v1 name ""
ip link add "" type bridge
ip -n n1 link set v1 name veth%d%d
ip -n n1 link set v1 name %
ip -br link
ip -n n1 -br link
