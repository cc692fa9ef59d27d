# Jobs, sleep, wait, kill and timeout as `bash -c` runs them, one line each
# (background jobs are per line; a line's orphans outlive it).
sleep 0.1 & jobs; echo $?
sleep 1 & sleep 2 & jobs; jobs %1; jobs %2; wait; echo $?
sleep 0.2 & wait %1; echo $?
sleep 5 & kill %1; wait %1; echo $?
sleep 5 & kill -TERM %1; wait; echo $?
sleep 5 & kill -9 %1; wait %1 2>/dev/null; echo $?
sleep 5 & kill -s KILL $!; wait $! 2>/dev/null; echo $?
sleep 2 & kill -INT %1; wait %1; echo $?
sleep 1 & [ "$!" -gt 1 ] && echo has-pid
sleep 0.3 & p=$!; wait $p; echo $?
wait; echo $?
wait 12345; echo $?
wait %3; echo $?
wait abc; echo $?
kill %3; echo $?
kill 99999; echo $?
kill; echo $?
kill -9; echo $?
kill -FOO %1; echo $?
kill abc; echo $?
jobs; echo $?
jobs %2; echo $?
fg; echo $?
bg; echo $?
fg %1; echo $?
sleep 0.5; echo $?
sleep 0.1s 0.05m; echo $?
sleep; echo $?
sleep x; echo $?
sleep 1x; echo $?
sleep -1; echo $?
sleep 1 2 x; echo $?
timeout 1 sleep 5; echo $?
timeout -s INT 1 sleep 5; echo $?
timeout 0.5 sleep 0.1; echo $?
timeout 2 sleep 1 && echo ok
timeout; echo $?
timeout x sleep 1; echo $?
timeout 1; echo $?
timeout 1 nosuch; echo $?
timeout -s FOO 1 sleep 1; echo $?
echo a; sleep 0.5 & echo b; wait; echo c
for i in 1 2 3; do sleep 0.1 & done; jobs; wait; echo $?
(sleep 0.2; echo in-bg) & echo fg; wait
sleep 0.2 && echo later & echo first; wait
(sleep 0.5; echo orphan) &
sleep 1; echo after-orphan
sleep 2 &
jobs; echo none-here
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a ping -c 3 10.0.0.2 & sleep 3; echo slept
ip netns exec a ping -c 2 -i 0.5 10.0.0.2 & echo started; wait; echo $?
ping -c 2 127.0.0.1 & sleep 0.5; kill %1; wait %1; echo $?
echo a & &
& echo a
echo a &; echo b
echo a && & echo b
{ echo a & }; wait
echo $(sleep 0.1 & echo in)
f() { sleep 0.1 & }; f; jobs; wait
sleep 0.3 & sleep 0.1; jobs -l | wc -w; jobs -p | wc -l
sleep 1 & kill -0 $!; echo $?; kill -l 2>/dev/null | head -0; wait
sleep 0.2 & wait $!; wait $!; echo $?
sleep 0.5 & (jobs); echo "[$(jobs)]"; (kill %1; echo $?); wait
