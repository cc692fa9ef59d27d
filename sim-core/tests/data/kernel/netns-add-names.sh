# ip link add NAME netns NS: NAME is checked in NS, the peer where it goes.
ip netns add n1
ip -n n1 link add v5 type bridge
ip link add v5 netns n1 type veth peer name v6
ip link add v7 type bridge
ip link add v7 netns n1 type veth peer name v8
ip -n n1 -br link
ip -br link
ip link add v9 netns n1 type veth peer name v5
ip link add v9 netns n1 type veth peer name v5 netns n1
ip link add type veth peer netns n1
ip link add veth0 netns n1 type veth
ip -n n1 -br link
ip -br link
