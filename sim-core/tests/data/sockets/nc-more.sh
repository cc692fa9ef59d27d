# nc's options beyond the first recordings: -lvn's reports, a scan with one open port, -q, -w as an idle timeout, -d, replies both ways, -p reused over TIME-WAIT, -s, a name, -k with data, -uk.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
# A verbose listener (-n: no getnameinfo) reports where it listens and who came.
ip netns exec b timeout 5 nc -lvn 8080 >/tmp/nslab-more-1 2>&1 &
sleep 0.3; echo hi | ip netns exec a nc -N -p 2000 10.0.0.2 8080; echo $?
sleep 0.2; cat /tmp/nslab-more-1
# A scan: one port open among closed ones.
ip netns exec b timeout 5 nc -lk 8081 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a nc -zv 10.0.0.2 8079-8082; echo $?
ip netns exec a nc -z 10.0.0.2 8079-8082; echo $?
ip netns exec a nc -zvn 10.0.0.2 8081; echo $?
# -q 1: quit a second after stdin's end, though the server says nothing.
ip netns exec b timeout 5 nc -l 8083 >/dev/null 2>&1 &
sleep 0.3; echo bye | ip netns exec a nc -q 1 10.0.0.2 8083; echo $?
# -w 1: an idle connection ends after a second.
ip netns exec b timeout 5 nc -l 8084 >/dev/null 2>&1 &
sleep 0.3; echo idle | ip netns exec a nc -w 1 10.0.0.2 8084; echo $?
# -d: stdin is not read.
ip netns exec b timeout 5 nc -l 8085 >/tmp/nslab-more-2 2>&1 &
sleep 0.3; echo unread | ip netns exec a nc -d -w 1 10.0.0.2 8085; echo $?
sleep 0.2; wc -c </tmp/nslab-more-2
# Both send, both with -N.
echo reply | ip netns exec b timeout 5 nc -N -l 8086 >/tmp/nslab-more-3 2>&1 &
sleep 0.3; echo request | ip netns exec a nc -N 10.0.0.2 8086; echo $?
sleep 0.2; cat /tmp/nslab-more-3
# -p reused while the last connection from it is in TIME-WAIT.
ip netns exec b timeout 5 nc -lk 8087 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a nc -z -p 2001 10.0.0.2 8087; echo $?
sleep 0.2; ip netns exec a ss -tan sport = :2001
ip netns exec a nc -z -p 2001 10.0.0.2 8087; echo $?
# -s picks the source address.
ip -n a addr add 10.0.0.11/24 dev a0
ip netns exec b timeout 5 nc -l 8088 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a timeout 1 nc -s 10.0.0.11 -p 2002 10.0.0.2 8088 & sleep 0.3; ip netns exec b ss -tn; wait
# A name from /etc/hosts.
ip netns exec a timeout 5 nc -l 127.0.0.1 9000 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a nc -zv localhost 9000; echo $?
# -k with data from two clients, one after the other.
ip netns exec b timeout 5 nc -lk 8089 >/tmp/nslab-more-4 2>&1 &
sleep 0.3; echo first | ip netns exec a nc -N 10.0.0.2 8089; echo second | ip netns exec a nc -N 10.0.0.2 8089; echo $?
sleep 0.2; cat /tmp/nslab-more-4
ip netns exec b ss -tlnH | sort
# A UDP exchange with a verbose listener.
ip netns exec b timeout 5 nc -luvn 5000 >/tmp/nslab-more-5 2>&1 &
sleep 0.3; echo dgram | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5000; echo $?
cat /tmp/nslab-more-5
# -uk: a UDP listener stays unconnected and hears every sender.
ip netns exec b timeout 5 nc -luk 5001 >/tmp/nslab-more-6 2>&1 &
sleep 0.3; echo one | ip netns exec a nc -u -w 1 -p 4001 10.0.0.2 5001; echo two | ip netns exec a nc -u -w 1 -p 4002 10.0.0.2 5001; ip netns exec b ss -uan sport = :5001
cat /tmp/nslab-more-6
sleep 5
ip netns pids a | wc -l
ip netns pids b | wc -l
ip netns del a
ip netns del b
rm -f /tmp/nslab-more-1 /tmp/nslab-more-2 /tmp/nslab-more-3 /tmp/nslab-more-4 /tmp/nslab-more-5 /tmp/nslab-more-6
