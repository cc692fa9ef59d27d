# ping's usage errors.
ping
ping -c
ping -c 0 127.0.0.1
ping -c abc 127.0.0.1
ping -W abc 127.0.0.1
ping -i abc 127.0.0.1
ping -s abc 127.0.0.1
ping -s 70000 127.0.0.1
ping -X 127.0.0.1
ping nosuchhost
ping 10.0.0.300
ping -c 1 -c 2
ping -c 1 -q 127.0.0.1
ping -c 1 -W 0 127.0.0.1
ping -c -1 127.0.0.1
ping -i 0.001 -c 1 127.0.0.1
ping -c 1 1.2.3.4 5.6.7.8
ping -V
