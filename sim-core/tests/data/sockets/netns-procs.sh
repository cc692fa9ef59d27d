# Processes in namespaces: ip netns pids and identify, servers killed across lines, a namespace deleted under a running server.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
ip netns pids b
ip netns pids b | wc -l
ip netns pids nosuch
ip netns pids
ip netns identify
ip netns exec b ip netns identify
ip netns exec a ip netns identify $$
ip netns identify 99999999
ip netns identify abc
ip netns exec b timeout 30 nc -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns pids b | wc -l
ip netns pids a | wc -l
ip netns identify $(ip netns pids b | head -1)
ip netns identify $(ip netns pids b | tail -1)
ip netns exec b ss -tln
ip netns exec a nc -zv 10.0.0.2 8080
sleep 0.2; ip netns pids b | wc -l
ip netns exec b ss -tln
# Killed across lines: kill by the namespace's pids.
ip netns exec b nc -lk 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a nc -zv 10.0.0.2 8080
ip netns pids b | wc -l
kill $(ip netns pids b); echo $?
sleep 0.2; ip netns pids b | wc -l
ip netns exec a nc -zv 10.0.0.2 8080
kill $(ip netns pids b); echo $?
# A connection whose server is killed: the client sees the close.
ip netns exec b nc -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec a timeout 5 nc -p 2000 10.0.0.2 8080 & sleep 0.3; kill $(ip netns pids b); wait %1; echo $?
ip netns exec a ss -tan
ip netns exec b ss -tan
# The namespace's name deleted while a server runs in it: the namespace lives on.
ip netns exec b timeout 30 nc -lk 8080 >/dev/null 2>&1 & echo $! >/tmp/nslab-ns-pid
sleep 0.3; ip netns del b
ip netns list
ip netns pids b
ip netns identify $(cat /tmp/nslab-ns-pid)
ip netns identify $(cat /tmp/nslab-ns-pid) | wc -c
ip -n a link show a0 | head -1 | awk '{print $2, $3, $9}'
ip netns exec a nc -zv 10.0.0.2 8080
echo still here | ip netns exec a nc -N 10.0.0.2 8080; echo $?
kill $(cat /tmp/nslab-ns-pid); echo $?
sleep 0.3; ip -n a link show a0
ip netns exec a nc -zv -w 1 10.0.0.2 8080
ip netns exec a ss -tan state established
# A namespace deleted and re-added with the same name is a new one.
ip netns add b
ip netns pids b | wc -l
ip netns exec b ss -tln
ip netns exec b nc -zv 127.0.0.1 8080
ip -n b link set lo up
ip netns exec b timeout 30 nc -l 127.0.0.1 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns exec b nc -zv 127.0.0.1 8080
sleep 0.2; ip netns pids b | wc -l
ip netns exec b nc -l 8080 >/dev/null 2>&1 &
sleep 0.3; ip netns pids b | wc -l; kill $(ip netns pids b); echo $?
ip netns del a
ip netns del b
rm -f /tmp/nslab-ns-pid
