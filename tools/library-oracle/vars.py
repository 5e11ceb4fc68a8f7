VARS = {
 'x': 5, 'lst': [3, 1, 2], 'text': 'Hello World', 'blank': '',
 'users': [{'name': 'alice', 'age': 30, 'groups': ['wheel', 'dev']}, {'name': 'Bob', 'age': 25, 'groups': ['dev']}],
 'd': {'a': 1, 'b': {'c': 2, 'l': [1]}},
 'result_ok': {'changed': False, 'failed': False}, 'result_changed': {'changed': True},
 'result_failed': {'failed': True, 'msg': 'boom'}, 'result_skipped': {'skipped': True, 'changed': False},
 'loop_result': {'results': [{'changed': False}, {'changed': True}]},
}
