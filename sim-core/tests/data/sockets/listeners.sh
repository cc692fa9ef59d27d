# Where a listener is bound decides who reaches it: 127.0.0.1 only, one address, 0.0.0.0; nc -k keeps accepting.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n b addr add 10.0.0.3/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
# b's loopback is still down: even 127.0.0.1 does not work there yet.
ip netns exec b timeout 20 nc -l 127.0.0.1 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -tln
ip netns exec b nc -zv -w 1 127.0.0.1 8080; echo $?
ip -n b link set lo up
ip netns exec b nc -zv 127.0.0.1 8080; echo $?
# Loopback only: reachable from the same namespace, refused from another.
ip netns exec b timeout 20 nc -l 127.0.0.1 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -tln
ip netns exec a nc -zv 10.0.0.2 8080; echo $?
ip netns exec b nc -zv 10.0.0.2 8080; echo $?
ip netns exec a nc -zv 127.0.0.1 8080; echo $?
ip netns exec b nc -zv localhost 8080; echo $?
ip netns exec b nc -zv 127.0.0.2 8080; echo $?
ip netns exec b ss -tln
# One address: the other address of the same interface is refused.
ip netns exec b timeout 20 nc -l 10.0.0.2 8081 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -tln
ip netns exec a nc -zv 10.0.0.3 8081; echo $?
ip netns exec b nc -zv 127.0.0.1 8081; echo $?
ip netns exec a nc -zv 10.0.0.2 8081; echo $?
# 0.0.0.0: every address, loopback too.
ip netns exec b timeout 20 nc -lk 8082 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -tln
ip netns exec b ss -tln sport = :8082
ip netns exec b ss -tl
ip netns exec a nc -zv 10.0.0.2 8082; echo $?
ip netns exec a nc -zv 10.0.0.3 8082; echo $?
ip netns exec b nc -zv 127.0.0.1 8082; echo $?
ip netns exec b nc -zv 10.0.0.2 8082; echo $?
# -k kept the listener after four connections.
ip netns exec b ss -tln
ip netns exec b ss -tan state time-wait | wc -l
ip netns exec a ss -tan state time-wait | wc -l
echo one | ip netns exec a nc -N 10.0.0.2 8082; echo $?
echo two | ip netns exec a nc -N 10.0.0.3 8082; echo $?
ip netns exec b ss -tln sport = :8082 | wc -l
# A specific address and 0.0.0.0 on the same port both listen; the more specific one wins.
ip netns exec b timeout 20 nc -l 10.0.0.2 8082 >/tmp/nslab-lst-1 2>&1 &
sleep 0.3; ip netns exec b ss -tlnH sport = :8082 | sort
echo which | ip netns exec a nc -N 10.0.0.2 8082; sleep 0.2; cat /tmp/nslab-lst-1
ip netns exec b ss -tln sport = :8082
# A listener on 127.0.0.1 and one on 0.0.0.0 with -k, counted.
ip netns exec b timeout 20 nc -lk 127.0.0.1 9000 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b ss -tln | wc -l
ip netns exec b ss -tlnH dport = :0 | sort
ip netns exec b ss -tln src 127.0.0.1
ip netns exec b ss -tln src 10.0.0.2
ip netns exec b ss -tlnH sport gt :8081 | sort
ip netns exec b ss -tln sport gt :8082
ip netns exec b ss -tln '( sport = :8080 or sport = :9000 )'
ip netns exec b ss -tlnH | sort
ip netns exec b ss -tln | sort
ip netns exec b ss -H -tln sport = :9999
ip netns exec b ss -tln sport = :9999
ip netns exec b ss -uln
ip netns exec b ss -xln | head -1
kill $(ip netns pids b); sleep 0.2; ip netns exec b ss -tln
ip netns exec b ss -tan state listening
ip netns del a
ip netns del b
rm -f /tmp/nslab-lst-1
