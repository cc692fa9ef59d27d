ip -b
ip -batch
ip -batch /nonexistent
ip -batch /nonexistent/file
echo -e 'link show lo\nlink foo\nlink show lo' | ip -batch -
echo -e 'link show lo\nlink foo\nlink show lo' | ip -force -batch -
echo -e 'link show lo\nlink foo\nlink show dev nope' | ip -force -batch -
echo -e 'link add a1 type veth peer name a2\naddr add 10.0.0.1/24 dev a1\nlink set a1 up\naddr show a1' | ip -batch -
echo -e '\n# comment\nlink show lo' | ip -batch -
echo -e 'link show lo \\\n  up' | ip -batch -
echo -e 'link show "lo"' | ip -batch -
echo -e 'netns add x1\nnetns exec x1 ip link' | ip -batch -
ip -batch - < /dev/null
echo -e 'link show lo' | ip -j -batch -
echo -e 'link show lo' | ip -b - link show lo
echo -e 'link show lo' | ip -batch - -j
echo -e 'link show nope\nlink show lo' | ip -batch -
echo -e 'help' | ip -batch -
echo -e 'link sh lo\nroute get 1.1.1.1' | ip -batch -
echo -ne 'link show lo' | ip -batch -
echo -e 'link show nope\nlink show lo\nlink show nope2' | ip -force -batch -
echo -e 'link set lo mtu 70000\naddr add 10.0.0.1/8 dev lo' | ip -batch -
echo -e 'link show lo\nroute get 1.1.1.1\nlink show lo' | ip -force -batch -
echo -e 'link show "lo' | ip -batch -
echo -e 'addr show dev lo # a comment' | ip -batch -
echo -e 'netns add x2\nlink add v1 type veth peer name v2\nlink set v2 netns x2' | ip -batch - && ip -n x2 -br link
echo -e 'link show' | ip -n x2 -br -batch -
echo -e 'netns exec x2 ip link show nope\nlink show lo' | ip -batch -
echo -e 'netns exec x2 ip link show nope\nlink show lo' | ip -force -batch -
echo -e 'link show lo' | ip -batch /dev/stdin
echo -e 'link show lo \\' | ip -batch -
echo -e 'link show nope\nlink show lo \\' | ip -force -batch -
echo -e 'link show \\\n lo' | ip -batch -
echo -e 'link show nope # x \\\n lo' | ip -batch -
