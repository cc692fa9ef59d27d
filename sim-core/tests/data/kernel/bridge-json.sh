bridge -j link show
bridge -j fdb show
ip link add br0 type bridge
ip link add v1 type veth peer name v2
ip link set v1 master br0
bridge -j fdb show
bridge -j -p fdb show
bridge -j link show
bridge -j -p link show
ip link set br0 up
ip link set v1 up
bridge -j fdb show
bridge -j -p fdb show
bridge -j fdb show br br0
bridge -j -p fdb show dev v1
bridge -j link show
bridge -j -p link show dev v1
bridge -j -d link show
bridge -j -p -d link show
bridge -p link show
bridge -p fdb show
bridge -json fdb
bridge -j -p link
bridge -j link show dev nope
bridge -j fdb show dev nope
bridge fdb show dev nope
bridge fdb show br nope
bridge fdb show brport nope
bridge fdb show foo
bridge fdb show dev
bridge -j -n nope link
bridge -x link
bridge -j -p -d fdb show br br0
bridge fdb show vlan
bridge fdb show vlan 1
bridge fdb show vlan x
bridge fdb show state
bridge fdb show state permanent
bridge fdb show dynamic
bridge fdb show help
bridge fdb show br br0 br nope
bridge fdb show dev nope br nope
bridge fdb sh
bridge fdb s
bridge fdb foo
bridge -h
bridge -V
bridge -s link
bridge -c link
bridge -o fdb
bridge -- link
bridge -j
bridge fdb show state foo
bridge fdb show state reachable
bridge fdb show state 0x80
bridge fdb show state perm
bridge fdb show state static
bridge -s fdb show dev v2
