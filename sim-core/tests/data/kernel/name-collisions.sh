# Device names are unique per namespace. An unnamed veth peer takes the first
# free "veth%d" (dev_alloc_name), registered before the device itself; a taken
# name is EEXIST wherever it comes from (add, peer, rename, move).
ip link add veth0 type veth
ip link add veth0 type veth
ip link add veth1 type veth
ip link show
ip link add veth5 type veth
ip link show
ip link add veth2 type veth
ip link add veth5 type veth
ip link show
ip link del veth0
ip link add type veth
ip link add type veth peer name veth3
ip link show
ip link add tap1 type veth peer name veth1
ip link add tap1 type veth peer name tap1
ip link add tap1 type veth peer name tap2
ip link add tap3 type veth peer name tap2
ip link add tap2 type veth peer name tap3
ip link add br0 type bridge
ip link add br0 type bridge
ip link add br0 type veth peer name tap4
ip link add tap4 type veth peer name br0
ip link add type bridge
ip link add bridge1 type bridge
ip link add type bridge
ip link show
ip link set tap1 name tap2
ip link set tap1 name br0
ip link set tap1 name tap1
ip link set tap1 name TAP1
ip link set TAP1 name tap9 mtu 1400
ip link set tap9 mtu 1300 name tap2
ip link set tap9 name veth0 mtu 1200
ip link show
ip netns add ns1
ip netns exec ns1 ip link add tap2 type veth peer name tapx
ip link add tap5 type veth peer name tap2 netns ns1
ip link add tap5 type veth peer name tapy netns ns1
ip link add tap6 type veth peer netns ns1
ip link add veth0 type veth peer netns ns1
ip netns exec ns1 ip link show
ip link show
ip link set tap9 netns ns1
ip link set tap5 netns ns1
ip link set tap6 netns ns1
ip link set veth0 netns ns1
ip link set veth0 netns ns1 name tapz
ip link set veth0 name tapz netns ns1
ip netns add ns2
ip netns exec ns1 ip link set tapx netns ns2
ip netns exec ns1 ip link set tap2 netns ns2
ip netns exec ns2 ip link show
ip netns exec ns2 ip link add type veth
ip netns exec ns2 ip link set veth1 netns ns1
ip netns exec ns1 ip link set veth0 netns ns2
ip netns exec ns2 ip link set veth1 name veth0
ip netns exec ns2 ip link show
ip netns exec ns1 ip link show
ip link show
ip link add veth10 type veth peer name veth11
ip link add type veth
ip link add type veth
ip link show
ip link del veth10
ip link add type veth
ip link show
ip link add tap%d type bridge
ip link add tap%d type veth peer name peer%d
ip link add tap%d%d type bridge
ip link set br0 name br%d
ip link set bridge0 name veth%d
ip link add veth0 type veth peer name veth0
ip link show
ip link add tap9 type bridge
ip link add %d type bridge
ip link add . type bridge
ip link add .. type bridge
ip link add ... type bridge
ip link set tap9 name %d%
ip link set tap9 name x%s
ip link set tap9 name tap%d
ip link add tap%d type veth peer name tap%d
ip link show
ip netns add ns3
ip netns exec ns3 ip link add tap5 type bridge
ip netns exec ns3 ip link add tap6 type bridge
ip link set tap5 netns ns3 name tap6
ip link set tap5 netns ns3 name tap%d
ip link set tap2 netns ns3 name tap6
ip netns exec ns3 ip link show
ip link show
