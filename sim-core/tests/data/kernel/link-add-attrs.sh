ip link add v0 mtu 9000 type veth peer name v1
ip link show v0
ip link show v1
ip link add v2 address 02:00:00:00:00:02 txqueuelen 500 type veth peer name v3 mtu 1400 address 02:00:00:00:00:03
ip link show v2
ip link show v3
ip link add v4 mtu 70000 type veth peer name v5
ip link show v4
ip link add v6 type veth peer name v7 mtu 67
ip link show v6
ip link add b0 mtu 1400 type bridge
ip link show b0
ip link add up type bridge
ip link add b1 up type bridge
ip link show b1
ip link add v8 type veth peer name v9 up
ip link add v10 type veth peer v11
ip link show v11
ip link add vf type veth
