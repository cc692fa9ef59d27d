# The seeds' inspection one-liners: pipes into grep/awk/wc, loops, echo.
ip netns add pod-red
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns pod-red
ip -n pod-red addr add 10.0.1.1/24 dev veth-red
ip -n pod-red link set veth-red up
ip addr add 10.0.1.2/24 dev veth-blue
ip link set veth-blue up
ip link show | grep veth
ip link | awk '/^[0-9]+:/ {sub(/:/, "", $2);print$2}'
ip address | grep "inet "
ip address | grep -v inet6 | grep -v forever
ip -n pod-red address | grep -c inet
ip netns exec pod-red ip addr | grep inet | wc -l
for ns in $(ip netns list | awk '{print $1}'); do echo "== $ns"; ip -n $ns -br link; done
ip -br addr | awk '$2 == "UP" {print $1, $3}'
echo "Testing connectivity..."
ip route | head -1
ip link show type veth | tail -n 1
ip netns list | wc -l
ip link show nosuch 2>&1 | grep -c exist
ip link show nosuch || echo failed
ip link show lo && echo ok
nosuchcommand
sudo nosuchcommand
ip netns exec pod-red nosuchcommand
x=lo; ip link show $x | head -1
ip netns identify
ip netns exec pod-red ip netns identify
ip link show dev
ip link set veth-blue
