ip link add xx type bridge foo
ip link add xx type veth peer name yy type veth
ip link set xx address br1
ip link add zz address br1 type bridge
ip link add zz address 02:00:00:00:00:01:05 type bridge
ip link add zz type nosuch foo
ip link add zz type dummy
