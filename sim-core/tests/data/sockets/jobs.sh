# Shell jobs within one line (each line is its own bash -c): &, jobs, wait, kill %N, $!, timeout, fg without job control.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.0.0.1/24 dev a0
ip -n b addr add 10.0.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a link set lo up
ip -n b link set lo up
sleep 0.5 & jobs; wait; echo $?
sleep 0.2 & sleep 0.4 & jobs; wait %2; echo $?; jobs; wait
sleep 0.1 & sleep 0.3; jobs; echo done
sleep 5 & kill %1; wait %1; echo $?
sleep 5 & kill $!; wait $!; echo $?
sleep 5 & kill %1; echo $?; sleep 0.1; jobs
sleep 5 & sleep 5 & kill %1 %2; wait; echo $?
sleep 5 & kill -INT %1; wait; echo $?
(exit 3) & wait $!; echo $?
false & wait $!; echo $?
true & wait %1; echo $?
sleep 0.2 & jobs -l | wc -l; jobs -p | wc -l; wait
sleep 0.2 & jobs -l | awk '{print $1, $3, $4, $5}'; wait
echo $!
sleep 0.2 & [ -n "$!" ] && echo has-pid; wait
kill %9; echo $?
kill %1; echo $?
kill %abc; echo $?
kill; echo $?
kill -9 99999; echo $?
wait 99999; echo $?
wait %1; echo $?
jobs %1; echo $?
fg; echo $?
bg; echo $?
sleep 0.2 & fg %1; echo $?; wait
sleep 5 & disown; jobs; echo $?; kill %1
timeout 1 sleep 5; echo $?
timeout 0.5 sleep 0.1; echo $?
timeout -s INT 0.5 sleep 5; echo $?
timeout; echo $?
timeout abc sleep 1; echo $?
sleep abc; echo $?
sleep; echo $?
# Servers as jobs of one line: the example, killed, timed out, waited for.
ip netns exec b timeout 2 nc -l 8080 >/dev/null & sleep 0.3; ip netns exec b ss -tln; wait; echo $?
ip netns exec b timeout 1 nc -l 9000; echo $?
ip netns exec b nc -l 8080 & sleep 0.3; ip netns exec b ss -tln | wc -l; kill %1; wait %1; echo $?; ip netns exec b ss -tln | wc -l
ip netns exec b nc -l 8080 & sleep 0.3; ip netns exec a nc -z 10.0.0.2 8080; wait $!; echo $?
ip netns exec b nc -l 8080 >/dev/null & sleep 0.3; echo data | ip netns exec a nc -N 10.0.0.2 8080; wait; echo $?
ip netns exec b nc -l 8080 & sleep 0.3; echo data | ip netns exec a nc -N 10.0.0.2 8080; wait
ip netns exec b nc -lk 8080 >/dev/null & sleep 0.3; ip netns exec a nc -z 10.0.0.2 8080; ip netns exec a nc -z 10.0.0.2 8080; jobs; kill %1; wait %1; echo $?
ip netns exec b timeout 3 nc -l 8080 & sleep 0.3; ip netns exec a nc -w 1 10.0.0.2 8080; echo $?; wait $!; echo $?
ip netns exec b timeout 1 nc -lu 5353 & sleep 0.3; ip netns exec b ss -uln | wc -l; wait %1; echo $?
ip netns exec a nc -w 1 10.0.0.2 8080 & wait $!; echo $?
ip netns exec a nc 10.0.0.2 8080 & ip netns exec a nc -zv 10.0.0.2 8081 & wait; echo $?
# A server started in the background in one line is another bash's job in the next.
ip netns exec b timeout 10 nc -l 8080 >/dev/null 2>&1 &
jobs; echo $?
kill %1; echo $?
sleep 0.3; ip netns exec b ss -tln
kill $(ip netns pids b); echo $?
sleep 0.2; ip netns exec b ss -tln
ip netns del a
ip netns del b
