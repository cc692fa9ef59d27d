# nc's error paths: usage, bad options and values, unknown hosts and ports, address in use.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
ip netns exec a nc
ip netns exec a nc; echo $?
ip netns exec a nc 10.0.0.2
ip netns exec a nc -l
ip netns exec a nc -lu
ip netns exec a nc -Q
ip netns exec a nc -x
ip netns exec a nc -w
ip netns exec a nc -h 2>&1 | head -3
ip netns exec a nc -h >/dev/null 2>&1; echo $?
ip netns exec a nc -h 2>/dev/null | wc -l
ip netns exec a nc 2>/dev/null | wc -l
ip netns exec a nc -w abc 10.0.0.2 80
ip netns exec a nc -w -1 10.0.0.2 80
ip netns exec a nc -w 0 10.0.0.2 80; echo $?
ip netns exec a nc -w 99999999999 10.0.0.2 80
ip netns exec a nc -w 1.5 10.0.0.2 80
ip netns exec a nc 10.0.0.2 70000
ip netns exec a nc 10.0.0.2 65536
ip netns exec a nc 10.0.0.2 0
ip netns exec a nc 10.0.0.2 -5
ip netns exec a nc 10.0.0.2 nosuchservice
ip netns exec a nc 10.0.0.2 80-
ip netns exec a nc 10.0.0.2 90-80
ip netns exec a nc -zv 10.0.0.2 http
ip netns exec a nc -zv 10.0.0.2 ssh
ip netns exec a nc -p 70000 10.0.0.2 80
ip netns exec a nc -p abc 10.0.0.2 80
ip netns exec a timeout 1 nc -l 70000; echo $?
ip netns exec a nc -l 0 >/dev/null 2>&1 & sleep 0.3; ip netns exec a ss -tln | wc -l; kill %1
ip netns exec a nc -l -p 8080 10.0.0.2 80
ip netns exec a nc -k 10.0.0.2 80
ip netns exec a nc -lz 8080
ip netns exec a nc -l -s 10.0.0.1 8080
ip netns exec a timeout 1 nc -l 10.0.0.9 8080; echo $?
ip netns exec a nc -s 10.0.0.9 10.0.0.2 80
ip netns exec a nc -zv nosuchhost.invalid 80
ip netns exec a nc nosuchhost 80; echo $?
ip netns exec a nc -zv 300.0.0.2 80
ip netns exec a nc -zv 10.0.0 80
ip netns exec a nc -zvn nosuchhost 80
ip netns exec a nc -4 -6 10.0.0.2 80
ip netns exec a nc -6 10.0.0.2 80
ip netns exec a nc -I abc 10.0.0.2 80
ip netns exec a nc -T nosuchkeyword 10.0.0.2 80
ip netns exec a nc -X 9 -x 10.0.0.2 10.0.0.2 80
ip netns exec a nc -q abc 10.0.0.2 80
ip netns exec a nc -U
ip netns exec a nc -zv 10.0.0.2 8080 8081 8082 -w 1
# Address in use: a client bound to a port a listener holds; a second listener on the same port.
ip netns exec b timeout 20 nc -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b nc -p 8080 10.0.0.1 80; echo $?
ip netns exec b timeout 1 nc -l 8080; echo $?
ip netns exec b ss -tln
ip netns exec b timeout 1 nc -l 10.0.0.2 8080; echo $?
ip netns exec a nc -zv 10.0.0.2 8080
ip netns exec a timeout 20 nc -l 127.0.0.1 9000 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a timeout 1 nc -l 9000; echo $?
ip netns exec a nc -p 9000 10.0.0.2 80; echo $?
ip netns exec a nc -p 9000 -s 127.0.0.1 127.0.0.1 9000; echo $?
ip netns exec a nc -zv 127.0.0.1 9000
ip netns del a
ip netns del b
