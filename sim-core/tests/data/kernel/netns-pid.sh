# Never `netns 1` here: the recorder's pid 1 is the machine's init, outside
# its sandbox. Moves by pid from inside a namespace are tested on the
# simulator (kernel_fixes.rs); lab-agent's kernel engine sends every pid to
# its sandbox's host namespace, never the machine's.
ip link add v3 type veth peer name v4
ip link set v3 netns 99999
ip link set v3 netns 0
ip link set v3 netns -1
ip link set v3 netns 1x
ip link set v3 netns 4294967296
ip link set v3 netns 2147483648
ip link set v3 netns -2147483648
ip link set nope netns 99999
ip link set nope netns 1x
ip link set v3 netns $$
ip link show v3
ip link add v5 netns 99999 type veth peer name v6
ip link add v7 type veth peer name v8 netns 99999
ip link add v9 type veth peer name v10 netns 0
ip link add b1 netns 99999 type bridge
ip link add b2 netns $$ type bridge
ip link show b2
ip link set v3 netns 99999 netns 1
ip netns add red
ip link set v3 netns red netns 99999
ip link set v3 netns 99999 mtu 1400
ip link show v3
ip link show
