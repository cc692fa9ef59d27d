echo hello > /tmp/nslab-f1; cat /tmp/nslab-f1
echo more >> /tmp/nslab-f1; cat /tmp/nslab-f1; wc -l /tmp/nslab-f1
cat /tmp/nslab-nope
cat /tmp
cat < /tmp/nslab-nope
echo x > /nonexistent/dir/f
echo x > /tmp
grep -c hello /tmp/nslab-f1 /tmp/nslab-nope
grep hello /tmp
head -1 /tmp
head -1 /tmp/nslab-nope
tail -1 /tmp/nslab-f1
wc /tmp
wc -c < /tmp/nslab-f1
sort /tmp/nslab-f1 /tmp/nslab-nope
uniq /tmp/nslab-nope
cut -c1 /tmp/nslab-nope
awk '{print NR": "$0}' /tmp/nslab-f1
awk '{print}' /tmp/nslab-nope
grep -l hello /tmp/nslab-f1
wc -l /tmp/nslab-f1 /tmp/nslab-f1
test -f /tmp/nslab-f1; echo $?
test -s /tmp/nslab-empty; echo $?
: > /tmp/nslab-empty; test -s /tmp/nslab-empty; echo $?; test -e /tmp/nslab-empty; echo $?
test -d /tmp; echo $?
rm /tmp/nslab-nope
rm -f /tmp/nslab-nope; echo $?
rm /tmp
rm /tmp/nslab-f1 /tmp/nslab-empty; echo $?
cat /tmp/nslab-f1
touch /tmp/nslab-t; cat /tmp/nslab-t; echo $?; rm /tmp/nslab-t
echo x 2> /tmp/nslab-e >&2; cat /tmp/nslab-e; rm /tmp/nslab-e
ls /tmp/nslab-nope
echo a > /tmp/nslab-a; echo b >> /tmp/nslab-a; tac /tmp/nslab-a 2>&1 | head -1; rm /tmp/nslab-a
echo x > /proc/nslab
echo x > /etc/nslab-f; cat /etc/nslab-f; rm /etc/nslab-f
echo x > nslab-rel; cat /root/nslab-rel; pwd; rm nslab-rel
