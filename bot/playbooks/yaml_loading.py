"""The YAML loaders for playbook files: safe loading that refuses duplicate keys and alias bombs.

A module of its own so that importing the loader does not import PyYAML: a start whose playbooks all
come from the parsed-document cache never needs it.
"""

from __future__ import annotations

from typing import Any

import yaml

from bot.playbooks.files import check_expansion

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NoDuplicateKeysLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """Safe loading that rejects a key written twice in one mapping.

    Plain YAML loading keeps the last of two `pto:` entries without a word, which silently throws
    away half of what an author wrote.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key `{key_node.value}` appears twice", key_node.start_mark
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)

    def construct_document(self, node: yaml.Node) -> Any:
        check_expansion(node)  # before anything walks the aliases: a bomb is refused in linear time
        return super().construct_document(node)
